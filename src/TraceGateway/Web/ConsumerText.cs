using TraceGateway.Features.VerifyForConsumer;

namespace TraceGateway.Web;

/// <summary>Every word on the consumer page, in English and Simplified Chinese.</summary>
public sealed record ConsumerText(
    string Lang,
    string Title,
    string Prompt,
    string CodeLabel,
    string Check,
    string Switch,
    string SwitchLang,
    string GtinLabel,
    string SerialLabel,
    string BatchLabel,
    string ExpiryLabel,
    string ChinaLabel,
    IReadOnlyDictionary<string, (string Headline, string Advice)> Verdicts)
{
    public static ConsumerText For(string language) => language == ConsumerLanguage.Chinese ? Chinese : English;

    public static ConsumerText English { get; } = new(
        "en",
        "Is my medicine genuine?",
        "Scan the QR code on the pack with your phone camera, or type the 20-digit drug traceability code.",
        "Code on the pack",
        "Check",
        "中文",
        ConsumerLanguage.Chinese,
        "Product (GTIN)",
        "Serial number",
        "Batch",
        "Expiry",
        "Traceability code",
        new Dictionary<string, (string, string)>
        {
            [ConsumerVerdicts.Genuine] = ("Genuine", "This pack is registered and has not been dispensed before."),
            [ConsumerVerdicts.AlreadyDispensed] = ("Already dispensed", "This pack was already handed out. If you just bought it new, ask your pharmacist: it may be a copy."),
            [ConsumerVerdicts.Recalled] = ("Recalled — do not use", "This pack has been recalled. Do not take it; return it to a pharmacy."),
            [ConsumerVerdicts.Expired] = ("Expired — do not use", "This pack is past its expiry date. Do not take it."),
            [ConsumerVerdicts.DoNotUse] = ("Do not use", "This pack was reported destroyed or stolen. Do not take it; tell a pharmacist."),
            [ConsumerVerdicts.Unknown] = ("Unknown — possible counterfeit", "We have no record of this code. Do not take it; show it to a pharmacist."),
            [ConsumerVerdicts.InvalidCode] = ("Code not readable", "Check the code and try again."),
        });

    public static ConsumerText Chinese { get; } = new(
        "zh-CN",
        "我的药品是真的吗？",
        "用手机相机扫描包装上的二维码，或输入20位药品追溯码。",
        "包装上的追溯码",
        "查询",
        "English",
        ConsumerLanguage.English,
        "商品编码（GTIN）",
        "序列号",
        "批号",
        "有效期至",
        "药品追溯码",
        new Dictionary<string, (string, string)>
        {
            [ConsumerVerdicts.Genuine] = ("正品", "该药品已登记，且此前未被售出。"),
            [ConsumerVerdicts.AlreadyDispensed] = ("已售出", "该药品此前已被售出。如果您刚买到新药，请咨询药师：可能是仿冒品。"),
            [ConsumerVerdicts.Recalled] = ("已召回——请勿使用", "该药品已被召回。请勿服用，请退回药店。"),
            [ConsumerVerdicts.Expired] = ("已过期——请勿使用", "该药品已超过有效期。请勿服用。"),
            [ConsumerVerdicts.DoNotUse] = ("请勿使用", "该药品已被报告销毁或被盗。请勿服用，并告知药师。"),
            [ConsumerVerdicts.Unknown] = ("未知——可能是假药", "没有该追溯码的记录。请勿服用，请出示给药师。"),
            [ConsumerVerdicts.InvalidCode] = ("无法识别的追溯码", "请检查追溯码后重试。"),
        });
}
