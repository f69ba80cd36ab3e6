// TraceChain imaging shim: zxing-cpp 1.4 reads, zint 2.11 writes, stb decodes/encodes PNG and JPEG.
// See tracechain_imaging.h for the contract. Nothing here keeps global mutable state, so every
// function may be called from any thread.
#define ZX_USE_UTF8 1

#include "tracechain_imaging.h"

#include <ReadBarcode.h>
#include <ZXVersion.h>
#include <zint.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

// Only PNG and JPEG: every other stb decoder is attack surface we do not need.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

#include <stb/stb_easy_font.h>

static_assert(static_cast<uint32_t>(ZXing::BarcodeFormat::DataMatrix) == (1u << 7), "format bits mirror zxing-cpp 1.4");
static_assert(static_cast<uint32_t>(ZXing::BarcodeFormat::QRCode) == (1u << 13), "format bits mirror zxing-cpp 1.4");
static_assert(sizeof(tc_code) == 72, "tc_code layout is mirrored in C#");

struct tc_results {
    struct Entry {
        std::string bytes;
        std::string text;
        std::string symbology;
        uint32_t format;
        int32_t corners[8];
    };
    std::vector<Entry> entries;
};

struct tc_buffer {
    std::vector<uint8_t> data;
    int32_t width = 0;
    int32_t height = 0;
};

namespace {

// A refusal with a status code and a message for the caller.
struct Failure : std::runtime_error {
    int code;
    Failure(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};

void write_error(char* error, int32_t capacity, const char* message)
{
    if (error == nullptr || capacity <= 0)
        return;
    std::snprintf(error, static_cast<size_t>(capacity), "%s", message);
}

// Runs body at the C boundary: no exception may escape into the managed caller.
int guarded(char* error, int32_t capacity, const std::function<void()>& body)
{
    write_error(error, capacity, "");
    try {
        body();
        return TC_OK;
    } catch (const Failure& f) {
        write_error(error, capacity, f.what());
        return f.code;
    } catch (const std::bad_alloc&) {
        write_error(error, capacity, "out of memory");
        return TC_ERR_NO_MEMORY;
    } catch (const std::exception& e) {
        write_error(error, capacity, (std::string("internal error: ") + e.what()).c_str());
        return TC_ERR_INTERNAL;
    } catch (...) {
        write_error(error, capacity, "internal error: unknown exception");
        return TC_ERR_INTERNAL;
    }
}

void check_dimensions(int64_t width, int64_t height, const tc_limits& limits)
{
    if (width <= 0 || height <= 0)
        throw Failure(TC_ERR_IMAGE, "image has no pixels (" + std::to_string(width) + "x" + std::to_string(height) + ")");
    if (width > limits.max_width || height > limits.max_height || width * height > limits.max_pixels)
        throw Failure(TC_ERR_LIMIT, "image is " + std::to_string(width) + "x" + std::to_string(height) +
                                        " pixels, over the limit of " + std::to_string(limits.max_width) + "x" +
                                        std::to_string(limits.max_height) + " and " +
                                        std::to_string(limits.max_pixels) + " pixels");
}

ZXing::DecodeHints make_hints(const tc_decode_options& options)
{
    if (options.max_symbols < 1 || options.max_symbols > 255)
        throw Failure(TC_ERR_ARGUMENT, "max_symbols must be 1..255");
    ZXing::DecodeHints hints;
    hints.setFormats(static_cast<ZXing::BarcodeFormat>(options.formats & static_cast<uint32_t>(ZXing::BarcodeFormat::Any)));
    hints.setTryHarder(options.try_harder != 0);
    hints.setTryRotate(options.try_rotate != 0);
    hints.setTryDownscale(options.try_downscale != 0);
    hints.setMaxNumberOfSymbols(static_cast<uint8_t>(options.max_symbols));
    return hints;
}

tc_results::Entry to_entry(const ZXing::Result& r, int dx, int dy)
{
    tc_results::Entry e;
    const auto& bytes = r.bytes();
    e.bytes.assign(bytes.begin(), bytes.end());
    // zxing-cpp's UTF-8 text drops the GS separators of GS1 content; ASCII bytes are already their own UTF-8.
    const bool ascii = std::all_of(e.bytes.begin(), e.bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    e.text = ascii ? e.bytes : r.text();
    e.symbology = r.symbologyIdentifier();
    e.format = static_cast<uint32_t>(r.format());
    const auto& p = r.position();
    for (int i = 0; i < 4; ++i) {
        e.corners[2 * i] = p[i].x + dx;
        e.corners[2 * i + 1] = p[i].y + dy;
    }
    return e;
}

bool same_code(const tc_results::Entry& a, const tc_results::Entry& b)
{
    if (a.format != b.format || a.bytes != b.bytes)
        return false;
    // Same content found twice (full view and a region): same symbol if the centres are close.
    long ax = 0, ay = 0, bx = 0, by = 0;
    for (int i = 0; i < 4; ++i) {
        ax += a.corners[2 * i], ay += a.corners[2 * i + 1];
        bx += b.corners[2 * i], by += b.corners[2 * i + 1];
    }
    long spread = std::labs(a.corners[0] - a.corners[4]) + std::labs(a.corners[1] - a.corners[5]);
    return std::labs(ax - bx) / 4 + std::labs(ay - by) / 4 <= spread;
}

void add_found(tc_results& results, const ZXing::Results& found, int dx, int dy)
{
    for (const auto& r : found) {
        if (!r.isValid())
            continue;
        auto e = to_entry(r, dx, dy);
        bool known = std::any_of(results.entries.begin(), results.entries.end(), [&](const auto& k) { return same_code(k, e); });
        if (!known)
            results.entries.push_back(std::move(e));
    }
}

struct Box {
    int x0, y0, x1, y1, cells;
    int focus_x = 0, focus_y = 0; // centre of the densest texture, in pixels (regions only)
};

// Textured regions (many strong local gradients) in cells of kCell x kCell pixels, largest first.
// zxing-cpp 1.4 disables its multi-line Data Matrix scan ("detect off-center symbols"), so it only finds a
// Data Matrix crossed by the centre lines of the view; decoding a crop centred on each region fixes that.
constexpr int kCell = 8;

std::vector<Box> textured_regions(const ZXing::ImageView& view)
{
    const int cw = view.width() / kCell, ch = view.height() / kCell;
    std::vector<Box> boxes;
    if (cw < 2 || ch < 2)
        return boxes;
    std::vector<uint8_t> busy(static_cast<size_t>(cw) * ch, 0);
    std::vector<uint8_t> density(static_cast<size_t>(cw) * ch, 0); // percent of edge samples
    for (int cy = 0; cy < ch; ++cy)
        for (int cx = 0; cx < cw; ++cx) {
            int edges = 0, samples = 0;
            for (int y = cy * kCell; y < cy * kCell + kCell; y += 2)
                for (int x = cx * kCell; x + 2 < std::min(view.width(), cx * kCell + kCell + 2); x += 2) {
                    const int here = *view.data(x, y);
                    const int right = *view.data(x + 2, y);
                    const int below = y + 2 < view.height() ? *view.data(x, y + 2) : here;
                    edges += std::abs(here - right) > 20 || std::abs(here - below) > 20;
                    ++samples;
                }
            density[static_cast<size_t>(cy) * cw + cx] = static_cast<uint8_t>(edges * 100 / std::max(1, samples));
            busy[static_cast<size_t>(cy) * cw + cx] = edges * 5 >= samples; // at least 20 % edge samples
        }
    std::vector<int> stack;
    for (int start = 0; start < cw * ch; ++start) {
        if (busy[static_cast<size_t>(start)] != 1)
            continue;
        Box box{cw, ch, -1, -1, 0};
        double wsum = 0, wx = 0, wy = 0;
        stack.assign(1, start);
        busy[static_cast<size_t>(start)] = 2;
        while (!stack.empty()) {
            int c = stack.back();
            stack.pop_back();
            int cx = c % cw, cy = c / cw;
            box.x0 = std::min(box.x0, cx), box.y0 = std::min(box.y0, cy);
            box.x1 = std::max(box.x1, cx), box.y1 = std::max(box.y1, cy);
            ++box.cells;
            // Weight by density cubed: a symbol's cells are denser than text or print around it.
            const double d = density[static_cast<size_t>(c)];
            wsum += d * d * d, wx += d * d * d * cx, wy += d * d * d * cy;
            for (int ny = std::max(0, cy - 1); ny <= std::min(ch - 1, cy + 1); ++ny)
                for (int nx = std::max(0, cx - 1); nx <= std::min(cw - 1, cx + 1); ++nx) {
                    auto& b = busy[static_cast<size_t>(ny) * cw + nx];
                    if (b == 1) {
                        b = 2;
                        stack.push_back(ny * cw + nx);
                    }
                }
        }
        if (box.cells >= 4) {
            box.focus_x = static_cast<int>((wx / wsum + 0.5) * kCell);
            box.focus_y = static_cast<int>((wy / wsum + 0.5) * kCell);
            boxes.push_back(box);
        }
    }
    std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.cells > b.cells; });
    if (boxes.size() > 16)
        boxes.resize(16);
    return boxes;
}

// Crops (pixel boxes, end exclusive) to decode for one textured region, so that the centre lines of some
// crop cross each symbol in it even when the region also holds the symbol's human-readable text.
std::vector<Box> crops_around(const Box& cells, int width, int height)
{
    const int x0 = cells.x0 * kCell, y0 = cells.y0 * kCell, x1 = (cells.x1 + 1) * kCell, y1 = (cells.y1 + 1) * kCell;
    const int w = x1 - x0, h = y1 - y0;
    // First the region re-centred on its densest texture, which is where a symbol sits; then the region;
    // then the windows.
    const int half_w = w / 2, half_h = h / 2;
    std::vector<Box> raw{{cells.focus_x - half_w, cells.focus_y - half_h, cells.focus_x + half_w, cells.focus_y + half_h, 0},
                         {x0, y0, x1, y1, 0}};
    if (w >= 6 * kCell && h >= 6 * kCell)
        for (int j = 0; j < 3; ++j)
            for (int i = 0; i < 3; ++i)
                raw.push_back({x0 + i * w / 4, y0 + j * h / 4, x0 + i * w / 4 + w / 2, y0 + j * h / 4 + h / 2, 0});
    std::vector<Box> crops;
    for (const auto& b : raw) {
        const int margin = std::max(b.x1 - b.x0, b.y1 - b.y0) / 4 + 2 * kCell;
        Box crop{std::max(0, b.x0 - margin), std::max(0, b.y0 - margin), std::min(width, b.x1 + margin),
                 std::min(height, b.y1 + margin), 0};
        if (crop.x1 - crop.x0 >= 2 * kCell && crop.y1 - crop.y0 >= 2 * kCell)
            crops.push_back(crop);
    }
    return crops;
}

// Regions first: binarizing a crop around a label costs a fraction of binarizing the whole frame, and it is
// where the symbols are. The whole view follows when the regions gave fewer codes than wanted (codes in
// low-texture surroundings, or a symbol filling the frame).
tc_results* decode_view(const ZXing::ImageView& view, const tc_decode_options& options)
{
    const auto hints = make_hints(options);
    auto* results = new tc_results();
    auto enough = [&] { return static_cast<int>(results->entries.size()) >= options.max_symbols; };
    try {
        if (options.scan_regions) {
            for (const auto& box : textured_regions(view)) {
                for (const auto& crop : crops_around(box, view.width(), view.height())) {
                    if (enough())
                        break;
                    auto found = ZXing::ReadBarcodes(view.cropped(crop.x0, crop.y0, crop.x1 - crop.x0, crop.y1 - crop.y0), hints);
                    add_found(*results, found, crop.x0, crop.y0);
                    // The region's symbol is read: its other crops would only find it again.
                    if (std::any_of(found.begin(), found.end(), [](const ZXing::Result& r) { return r.isValid(); }))
                        break;
                }
            }
        }
        if (!enough())
            add_found(*results, ZXing::ReadBarcodes(view, hints), 0, 0);
    } catch (...) {
        delete results;
        throw;
    }
    return results;
}

bool has_prefix(const uint8_t* data, size_t length, const char* magic, size_t magic_length)
{
    return length >= magic_length && std::memcmp(data, magic, magic_length) == 0;
}

// ---- labels -------------------------------------------------------------------------------------

// The symbol as a module grid (true = dark), quiet zone included.
struct Grid {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * width + x] != 0; }
};

Grid encode_grid(const tc_encode_request& request)
{
    zint_symbol* symbol = ZBarcode_Create();
    if (symbol == nullptr)
        throw std::bad_alloc();
    try {
        symbol->symbology = request.symbology == TC_SYMBOL_DATAMATRIX ? BARCODE_DATAMATRIX : BARCODE_QRCODE;
        symbol->input_mode = request.gs1 ? GS1_MODE : UNICODE_MODE;
        if (symbol->symbology == BARCODE_DATAMATRIX)
            symbol->option_3 = DM_SQUARE;
        symbol->output_options = BARCODE_QUIET_ZONES;
        symbol->show_hrt = 0;
        symbol->warn_level = WARN_FAIL_ALL; // a non-compliant symbol is an error for us
        // Non-ASCII text is declared UTF-8 (ECI 26) explicitly, so readers decode it as UTF-8 and zint does not
        // pick an ECI of its own (which WARN_FAIL_ALL would turn into an error).
        if (!request.gs1 && std::any_of(request.data, request.data + request.data_length, [](uint8_t b) { return b >= 0x80; }))
            symbol->eci = 26;
        symbol->scale = 0.5f;               // zint rasters 2 px per module at scale 1: this gives 1 px per module
        int rc = ZBarcode_Encode_and_Buffer(symbol, request.data, request.data_length, 0);
        if (rc >= ZINT_ERROR)
            throw Failure(TC_ERR_ENCODE, std::string("zint refused the data: ") + symbol->errtxt);
        int bw = symbol->bitmap_width, bh = symbol->bitmap_height;
        int qx = (bw - symbol->width) / 2, qy = (bh - symbol->rows) / 2;
        if (symbol->bitmap == nullptr || qx < 0 || qy < 0 || bw != symbol->width + 2 * qx || bh != symbol->rows + 2 * qy)
            throw Failure(TC_ERR_INTERNAL, "unexpected zint raster geometry");
        int extra = std::max(0, request.quiet_zone_modules - std::min(qx, qy));
        Grid grid;
        grid.width = bw + 2 * extra;
        grid.height = bh + 2 * extra;
        grid.dark.assign(static_cast<size_t>(grid.width) * grid.height, 0);
        for (int y = 0; y < bh; ++y)
            for (int x = 0; x < bw; ++x)
                grid.dark[static_cast<size_t>(y + extra) * grid.width + x + extra] =
                    symbol->bitmap[(static_cast<size_t>(y) * bw + x) * 3] < 128;
        ZBarcode_Delete(symbol);
        return grid;
    } catch (...) {
        ZBarcode_Delete(symbol);
        throw;
    }
}

std::vector<std::string> split_lines(const tc_encode_request& request)
{
    std::vector<std::string> lines;
    if (request.hri_text == nullptr || request.hri_length <= 0)
        return lines;
    std::string all(request.hri_text, static_cast<size_t>(request.hri_length));
    size_t start = 0;
    while (start <= all.size()) {
        size_t end = all.find('\n', start);
        if (end == std::string::npos)
            end = all.size();
        lines.push_back(all.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// stb_easy_font draws printable ASCII only; anything else is shown as '?' in raster output.
std::string printable(const std::string& line)
{
    std::string out;
    for (unsigned char c : line)
        if (c < 0x80 || c >= 0xC0)
            out.push_back(c >= 32 && c < 127 ? static_cast<char>(c) : '?');
    return out;
}

constexpr int kLineHeight = 12; // stb_easy_font line advance in font pixels

tc_buffer* render_gray(const Grid& grid, const std::vector<std::string>& lines, int m)
{
    const int text_scale = std::max(1, (m + 1) / 2);
    int text_width = 0;
    std::vector<std::string> ascii;
    for (const auto& l : lines) {
        ascii.push_back(printable(l));
        text_width = std::max(text_width, stb_easy_font_width(ascii.back().data()) * text_scale);
    }
    const int64_t symbol_w = static_cast<int64_t>(grid.width) * m, symbol_h = static_cast<int64_t>(grid.height) * m;
    const int64_t text_h = lines.empty() ? 0 : static_cast<int64_t>(lines.size()) * kLineHeight * text_scale + m;
    const int64_t width = std::max(symbol_w, static_cast<int64_t>(text_width) + 2 * m), height = symbol_h + text_h;
    if (width * height > 64LL * 1024 * 1024)
        throw Failure(TC_ERR_ARGUMENT, "label would exceed 64 megapixels: lower module_pixels");
    auto* buffer = new tc_buffer();
    buffer->width = static_cast<int32_t>(width);
    buffer->height = static_cast<int32_t>(height);
    buffer->data.assign(static_cast<size_t>(width * height), 255);
    const int64_t ox = (width - symbol_w) / 2;
    for (int y = 0; y < grid.height; ++y)
        for (int x = 0; x < grid.width; ++x)
            if (grid.at(x, y))
                for (int dy = 0; dy < m; ++dy)
                    std::memset(&buffer->data[static_cast<size_t>((y * m + dy) * width + ox + x * m)], 0, static_cast<size_t>(m));
    std::vector<char> vertices;
    for (size_t i = 0; i < ascii.size(); ++i) {
        vertices.assign(ascii[i].size() * 400 + 1024, 0);
        int quads = stb_easy_font_print(0, 0, ascii[i].data(), nullptr, vertices.data(), static_cast<int>(vertices.size()));
        const int64_t lx = (width - stb_easy_font_width(ascii[i].data()) * text_scale) / 2;
        const int64_t ly = symbol_h + static_cast<int64_t>(i) * kLineHeight * text_scale;
        for (int q = 0; q < quads; ++q) {
            const float* v0 = reinterpret_cast<const float*>(vertices.data() + q * 64);      // top-left vertex
            const float* v2 = reinterpret_cast<const float*>(vertices.data() + q * 64 + 32); // bottom-right vertex
            int64_t x0 = lx + static_cast<int64_t>(v0[0] * text_scale), y0 = ly + static_cast<int64_t>(v0[1] * text_scale);
            int64_t x1 = lx + static_cast<int64_t>(v2[0] * text_scale), y1 = ly + static_cast<int64_t>(v2[1] * text_scale);
            for (int64_t y = std::max<int64_t>(0, y0); y < std::min(height, y1); ++y)
                for (int64_t x = std::max<int64_t>(0, x0); x < std::min(width, x1); ++x)
                    buffer->data[static_cast<size_t>(y * width + x)] = 0;
        }
    }
    return buffer;
}

void append_png(void* context, void* data, int size)
{
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    auto* bytes = static_cast<uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

void xml_escape(std::string& out, const std::string& text)
{
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            // XML 1.0 forbids most control characters, GS among them.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
                out += "\xEF\xBF\xBD";
            else
                out.push_back(c);
        }
    }
}

tc_buffer* render_svg(const Grid& grid, const std::vector<std::string>& lines, int m)
{
    const int font = std::max(8, m * 3);
    size_t longest = 0;
    for (const auto& l : lines)
        longest = std::max(longest, l.size());
    const int symbol_w = grid.width * m, symbol_h = grid.height * m;
    const int text_w = static_cast<int>(longest) * font * 6 / 10 + 2 * m; // monospace advance is about 0.6 em
    const int width = std::max(symbol_w, text_w);
    const int height = symbol_h + (lines.empty() ? 0 : static_cast<int>(lines.size()) * font * 12 / 10 + m);
    const int ox = (width - symbol_w) / 2;
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) + "\">\n";
    svg += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
           "\" fill=\"#FFFFFF\"/>\n<path fill=\"#000000\" shape-rendering=\"crispEdges\" d=\"";
    for (int y = 0; y < grid.height; ++y) {
        for (int x = 0; x < grid.width;) {
            if (!grid.at(x, y)) {
                ++x;
                continue;
            }
            int run = 0;
            while (x + run < grid.width && grid.at(x + run, y))
                ++run;
            svg += "M" + std::to_string(ox + x * m) + " " + std::to_string(y * m) + "h" + std::to_string(run * m) + "v" +
                   std::to_string(m) + "h-" + std::to_string(run * m) + "z";
            x += run;
        }
    }
    svg += "\"/>\n";
    for (size_t i = 0; i < lines.size(); ++i) {
        svg += "<text x=\"" + std::to_string(width / 2) + "\" y=\"" +
               std::to_string(symbol_h + static_cast<int>(i + 1) * font * 12 / 10 - font / 5) +
               "\" font-family=\"monospace\" font-size=\"" + std::to_string(font) + "\" text-anchor=\"middle\">";
        xml_escape(svg, lines[i]);
        svg += "</text>\n";
    }
    svg += "</svg>\n";
    auto* buffer = new tc_buffer();
    buffer->data.assign(svg.begin(), svg.end());
    buffer->width = width;
    buffer->height = height;
    return buffer;
}

} // namespace

extern "C" {

const char* tc_version(void)
{
    static const std::string version = "zxing-cpp " + std::to_string(ZXING_VERSION_MAJOR) + "." +
                                       std::to_string(ZXING_VERSION_MINOR) + "." + std::to_string(ZXING_VERSION_PATCH) +
                                       "; zint " + std::to_string(ZBarcode_Version());
    return version.c_str();
}

int tc_decode_image(const uint8_t* data, size_t length, const tc_limits* limits, const tc_decode_options* options,
                    tc_results** results, char* error, int32_t error_capacity)
{
    return guarded(error, error_capacity, [&] {
        if (limits == nullptr || options == nullptr || results == nullptr || (data == nullptr && length > 0))
            throw Failure(TC_ERR_ARGUMENT, "null argument");
        *results = nullptr;
        if (length == 0)
            throw Failure(TC_ERR_IMAGE, "image is empty (0 bytes)");
        if (static_cast<uint64_t>(length) > static_cast<uint64_t>(limits->max_encoded_bytes) || length > INT_MAX)
            throw Failure(TC_ERR_LIMIT, "image file is " + std::to_string(length) + " bytes, over the limit of " +
                                            std::to_string(limits->max_encoded_bytes));
        const bool png = has_prefix(data, length, "\x89PNG\r\n\x1a\n", 8);
        const bool jpeg = has_prefix(data, length, "\xFF\xD8\xFF", 3);
        if (!png && !jpeg)
            throw Failure(TC_ERR_IMAGE, "not a PNG or JPEG image (unrecognised signature)");
        const char* kind = png ? "PNG" : "JPEG";
        if (png && length < 33)
            throw Failure(TC_ERR_IMAGE, "truncated PNG: " + std::to_string(length) + " bytes cannot hold the signature and header");
        if (png && length >= 24 && std::memcmp(data + 12, "IHDR", 4) == 0) {
            // The PNG signature is followed by IHDR at a fixed offset: check its declared size first.
            auto be32 = [&](size_t at) {
                return (int64_t(data[at]) << 24) | (int64_t(data[at + 1]) << 16) | (int64_t(data[at + 2]) << 8) | data[at + 3];
            };
            check_dimensions(be32(16), be32(20), *limits);
        }
        int w = 0, h = 0, channels = 0;
        // Header only: a decompression bomb is refused on its declared size before any pixel is inflated.
        if (!stbi_info_from_memory(data, static_cast<int>(length), &w, &h, &channels))
            throw Failure(TC_ERR_IMAGE, std::string("malformed ") + kind + " header: " + stbi_failure_reason());
        check_dimensions(w, h, *limits);
        int dw = 0, dh = 0, dc = 0;
        uint8_t* pixels = stbi_load_from_memory(data, static_cast<int>(length), &dw, &dh, &dc, 1);
        if (pixels == nullptr)
            throw Failure(TC_ERR_IMAGE, std::string("malformed or truncated ") + kind + ": " + stbi_failure_reason());
        try {
            *results = decode_view(ZXing::ImageView(pixels, dw, dh, ZXing::ImageFormat::Lum), *options);
        } catch (...) {
            stbi_image_free(pixels);
            throw;
        }
        stbi_image_free(pixels);
    });
}

int tc_decode_gray(const uint8_t* pixels, int32_t width, int32_t height, int32_t stride, const tc_limits* limits,
                   const tc_decode_options* options, tc_results** results, char* error, int32_t error_capacity)
{
    return guarded(error, error_capacity, [&] {
        if (pixels == nullptr || limits == nullptr || options == nullptr || results == nullptr)
            throw Failure(TC_ERR_ARGUMENT, "null argument");
        *results = nullptr;
        if (stride < width)
            throw Failure(TC_ERR_ARGUMENT, "stride is smaller than width");
        check_dimensions(width, height, *limits);
        *results = decode_view(ZXing::ImageView(pixels, width, height, ZXing::ImageFormat::Lum, stride), *options);
    });
}

int32_t tc_results_count(const tc_results* results)
{
    return results == nullptr ? 0 : static_cast<int32_t>(results->entries.size());
}

int tc_results_get(const tc_results* results, int32_t index, tc_code* code)
{
    if (results == nullptr || code == nullptr || index < 0 || static_cast<size_t>(index) >= results->entries.size())
        return TC_ERR_ARGUMENT;
    const auto& e = results->entries[static_cast<size_t>(index)];
    std::memset(code, 0, sizeof(*code));
    code->bytes = reinterpret_cast<const uint8_t*>(e.bytes.data());
    code->bytes_length = static_cast<int32_t>(e.bytes.size());
    code->text = e.text.c_str();
    code->text_length = static_cast<int32_t>(e.text.size());
    code->format = e.format;
    std::memcpy(code->corners, e.corners, sizeof(code->corners));
    std::snprintf(code->symbology_identifier, sizeof(code->symbology_identifier), "%s", e.symbology.c_str());
    return TC_OK;
}

void tc_results_free(tc_results* results)
{
    delete results;
}

int tc_encode(const tc_encode_request* request, tc_buffer** buffer, char* error, int32_t error_capacity)
{
    return guarded(error, error_capacity, [&] {
        if (request == nullptr || buffer == nullptr || request->data == nullptr)
            throw Failure(TC_ERR_ARGUMENT, "null argument");
        *buffer = nullptr;
        const auto& r = *request;
        if (r.data_length <= 0)
            throw Failure(TC_ERR_ARGUMENT, "no data to encode");
        if (r.symbology != TC_SYMBOL_DATAMATRIX && r.symbology != TC_SYMBOL_QRCODE)
            throw Failure(TC_ERR_ARGUMENT, "unknown symbology " + std::to_string(r.symbology));
        if (r.module_pixels < 1 || r.module_pixels > 64)
            throw Failure(TC_ERR_ARGUMENT, "module_pixels must be 1..64");
        if (r.quiet_zone_modules < 0 || r.quiet_zone_modules > 64)
            throw Failure(TC_ERR_ARGUMENT, "quiet_zone_modules must be 0..64");
        if (r.output != TC_OUTPUT_GRAY && r.output != TC_OUTPUT_PNG && r.output != TC_OUTPUT_SVG)
            throw Failure(TC_ERR_ARGUMENT, "unknown output " + std::to_string(r.output));
        Grid grid = encode_grid(r);
        auto lines = split_lines(r);
        if (r.output == TC_OUTPUT_SVG) {
            *buffer = render_svg(grid, lines, r.module_pixels);
            return;
        }
        tc_buffer* gray = render_gray(grid, lines, r.module_pixels);
        if (r.output == TC_OUTPUT_GRAY) {
            *buffer = gray;
            return;
        }
        auto* png = new tc_buffer();
        png->width = gray->width;
        png->height = gray->height;
        int ok = 0;
        try {
            ok = stbi_write_png_to_func(append_png, &png->data, gray->width, gray->height, 1, gray->data.data(), gray->width);
        } catch (...) {
            delete gray;
            delete png;
            throw;
        }
        delete gray;
        if (!ok) {
            delete png;
            throw Failure(TC_ERR_INTERNAL, "PNG encoding failed");
        }
        *buffer = png;
    });
}

int tc_buffer_get(const tc_buffer* buffer, const uint8_t** data, int64_t* length, int32_t* width, int32_t* height)
{
    if (buffer == nullptr || data == nullptr || length == nullptr || width == nullptr || height == nullptr)
        return TC_ERR_ARGUMENT;
    *data = buffer->data.data();
    *length = static_cast<int64_t>(buffer->data.size());
    *width = buffer->width;
    *height = buffer->height;
    return TC_OK;
}

void tc_buffer_free(tc_buffer* buffer)
{
    delete buffer;
}

} // extern "C"
