namespace TraceGateway.Web;

/// <summary>The words of the photo upload on the consumer page, in English and Simplified Chinese.</summary>
/// <param name="Heading">Above the upload field.</param>
/// <param name="FileLabel">The file field's label.</param>
/// <param name="Send">The upload button.</param>
/// <param name="CodeRead">Label of the code read from the photo.</param>
/// <param name="Problems">By photo outcome; <c>{0}</c> in image_too_large is the size limit in MB.</param>
/// <param name="Notes">By note; <c>{0}</c> in several_codes is the number of codes, in other_website the website.</param>
public sealed record PhotoText(
    string Heading,
    string FileLabel,
    string Send,
    string CodeRead,
    IReadOnlyDictionary<string, string> Problems,
    IReadOnlyDictionary<string, string> Notes)
{
    public static PhotoText For(string language) => language == ConsumerLanguage.Chinese ? Chinese : English;

    public static PhotoText English { get; } = new(
        "Or take a photo of the code on the pack",
        "Photo of the code",
        "Check photo",
        "Code read from the photo",
        new Dictionary<string, string>
        {
            ["no_photo"] = "Choose or take a photo of the pack first.",
            ["no_code"] = "We could not find a code in this photo. Hold the phone 10–20 cm from the pack so the code is sharp, well lit and fills part of the picture, then try again.",
            ["unreadable_image"] = "We could not open this file as a photo. Please send a JPEG or PNG picture.",
            ["image_too_large"] = "This photo is too large (at most {0} MB). Take it again at a lower resolution, or send a smaller copy.",
            ["not_a_pack_code"] = "The code in this photo is not the pack's own code (it has no serial number). Photograph the small square code (Data Matrix) or the QR code printed next to the expiry date.",
            ["busy"] = "Many photos are being checked right now. Please send yours again in a moment.",
        },
        new Dictionary<string, string>
        {
            ["several_codes"] = "{0} codes were found in the photo; we checked the pack's own code.",
            ["several_packs"] = "The photo shows codes of more than one pack; we checked the largest. Photograph one pack at a time.",
            ["other_website"] = "Careful: this QR code points to another website ({0}), not ours. We checked the pack here; do not enter personal data on that website.",
        });

    public static PhotoText Chinese { get; } = new(
        "或拍摄包装上的追溯码",
        "追溯码照片",
        "识别照片",
        "从照片中识别的追溯码",
        new Dictionary<string, string>
        {
            ["no_photo"] = "请先选择或拍摄药品包装的照片。",
            ["no_code"] = "照片中未找到追溯码。请将手机距离包装10–20厘米，使追溯码清晰、光线充足并占据画面的一部分，然后重试。",
            ["unreadable_image"] = "无法将该文件作为照片打开。请上传JPEG或PNG格式的图片。",
            ["image_too_large"] = "照片太大（最大{0} MB）。请降低分辨率重新拍摄，或上传较小的照片。",
            ["not_a_pack_code"] = "照片中的码不是单盒药品的追溯码（不含序列号）。请拍摄有效期旁边印的小方形码（Data Matrix）或二维码。",
            ["busy"] = "当前识别照片的人较多，请稍后重新上传。",
        },
        new Dictionary<string, string>
        {
            ["several_codes"] = "照片中找到{0}个码，已查询药品本身的追溯码。",
            ["several_packs"] = "照片中有多盒药品的码，已查询最大的一个。请每次只拍一盒。",
            ["other_website"] = "请注意：该二维码指向其他网站（{0}），不是本平台。我们已在此查询该药品；请勿在该网站输入个人信息。",
        });
}
