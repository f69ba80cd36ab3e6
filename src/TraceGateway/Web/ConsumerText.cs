namespace TraceGateway.Web;

/// <summary>Every word on the consumer page, in English and Simplified Chinese, keyed by the ledger's verdict and scratch codes.</summary>
public sealed record ConsumerText(
    string Lang,
    string Title,
    string Prompt,
    string CodeLabel,
    string ScratchLabel,
    string Check,
    string Switch,
    string SwitchLang,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, (string Headline, string Advice)> Verdicts,
    IReadOnlyDictionary<string, string> Scratch)
{
    public static ConsumerText For(string language) => language == ConsumerLanguage.Chinese ? Chinese : English;

    /// <summary>The colour class of a verdict: green, amber, red or grey; the words always say it too.</summary>
    public static string Tone(string code) => code switch
    {
        "genuine" => "ok",
        "already_dispensed" => "warn",
        "sample" or "exported" or "invalid_code" => "info",
        _ => "stop",
    };

    public static ConsumerText English { get; } = new(
        "en",
        "Is my medicine genuine?",
        "Scan the QR code on the pack with your phone camera, or type the 20-digit drug traceability code and, if the pack has one, the scratch-off code.",
        "Code on the pack",
        "Scratch-off code (optional)",
        "Check",
        "中文",
        ConsumerLanguage.Chinese,
        new Dictionary<string, string>
        {
            ["product"] = "Product", ["manufacturer"] = "Manufacturer", ["lot"] = "Batch", ["expiry"] = "Use by",
            ["first"] = "First checked", ["count"] = "Times checked", ["dispensed"] = "Dispensed on",
        },
        new Dictionary<string, (string, string)>
        {
            ["genuine"] = ("Genuine", "This pack is registered and in the supply chain."),
            ["already_dispensed"] = ("Already dispensed", "This pack was already handed out. If you just bought it new, ask your pharmacist: it may be a copy."),
            ["recalled"] = ("Recalled — do not use", "This batch has been recalled. Do not take it; return it to a pharmacy."),
            ["withdrawn"] = ("Withdrawn — do not use", "This product has been withdrawn. Do not take it; return it to a pharmacy."),
            ["expired"] = ("Expired — do not use", "This pack is past its expiry date. Do not take it."),
            ["stolen"] = ("Reported stolen — do not use", "This pack was reported stolen. Do not take it; tell a pharmacist."),
            ["destroyed"] = ("Reported destroyed — do not use", "This pack should have been destroyed. Do not take it; tell a pharmacist."),
            ["locked"] = ("Blocked — do not use", "This pack is blocked while it is being checked. Do not take it."),
            ["sample"] = ("Sample pack", "This is a sample pack, not for sale."),
            ["exported"] = ("Exported", "This pack was exported from this market."),
            ["suspect"] = ("Suspect — possible counterfeit", "This pack is under investigation. Do not take it; show it to a pharmacist."),
            ["unknown_product"] = ("Unknown — possible counterfeit", "We have no record of this product. Do not take it; show it to a pharmacist."),
            ["unknown_batch"] = ("Unknown — possible counterfeit", "We have no record of this batch. Do not take it; show it to a pharmacist."),
            ["unknown_serial"] = ("Unknown — possible counterfeit", "We have no record of this code. Do not take it; show it to a pharmacist."),
            ["batch_mismatch"] = ("Mismatch — possible counterfeit", "The batch on the pack does not match our record. Do not take it; show it to a pharmacist."),
            ["expiry_mismatch"] = ("Mismatch — possible counterfeit", "The expiry on the pack does not match our record. Do not take it; show it to a pharmacist."),
            ["invalid_code"] = ("Code not readable", "Check the code and try again."),
        },
        new Dictionary<string, string>
        {
            ["valid"] = "The scratch-off code matches. This is its first check.",
            ["reverified"] = "The scratch-off code was already checked before. If that was not you, this pack may be a copy.",
            ["wrong"] = "The scratch-off code does not belong to this pack.",
            ["locked"] = "Too many wrong scratch-off codes: the check for this pack is locked.",
            ["no_scratch_code"] = "This pack was issued without a scratch-off code.",
        });

    public static ConsumerText Chinese { get; } = new(
        "zh-CN",
        "我的药品是真的吗？",
        "用手机相机扫描包装上的二维码，或输入20位药品追溯码；如包装上有刮刮码，也请一并输入。",
        "包装上的追溯码",
        "刮刮码（可选）",
        "查询",
        "English",
        ConsumerLanguage.English,
        new Dictionary<string, string>
        {
            ["product"] = "药品", ["manufacturer"] = "生产企业", ["lot"] = "批号", ["expiry"] = "有效期至",
            ["first"] = "首次查询", ["count"] = "查询次数", ["dispensed"] = "售出日期",
        },
        new Dictionary<string, (string, string)>
        {
            ["genuine"] = ("正品", "该药品已登记，并在正规流通渠道中。"),
            ["already_dispensed"] = ("已售出", "该药品此前已被售出。如果您刚买到新药，请咨询药师：可能是仿冒品。"),
            ["recalled"] = ("已召回——请勿使用", "该批次已被召回。请勿服用，请退回药店。"),
            ["withdrawn"] = ("已撤市——请勿使用", "该药品已撤市。请勿服用，请退回药店。"),
            ["expired"] = ("已过期——请勿使用", "该药品已超过有效期。请勿服用。"),
            ["stolen"] = ("已报失窃——请勿使用", "该药品已被报告失窃。请勿服用，并告知药师。"),
            ["destroyed"] = ("应已销毁——请勿使用", "该药品应已被销毁。请勿服用，并告知药师。"),
            ["locked"] = ("已冻结——请勿使用", "该药品正在核查中，已被冻结。请勿服用。"),
            ["sample"] = ("样品", "该药品为样品，非卖品。"),
            ["exported"] = ("已出口", "该药品已出口至其他市场。"),
            ["suspect"] = ("可疑——可能是假药", "该药品正在调查中。请勿服用，请出示给药师。"),
            ["unknown_product"] = ("未知——可能是假药", "没有该药品的记录。请勿服用，请出示给药师。"),
            ["unknown_batch"] = ("未知——可能是假药", "没有该批次的记录。请勿服用，请出示给药师。"),
            ["unknown_serial"] = ("未知——可能是假药", "没有该追溯码的记录。请勿服用，请出示给药师。"),
            ["batch_mismatch"] = ("不符——可能是假药", "包装上的批号与记录不符。请勿服用，请出示给药师。"),
            ["expiry_mismatch"] = ("不符——可能是假药", "包装上的有效期与记录不符。请勿服用，请出示给药师。"),
            ["invalid_code"] = ("无法识别的追溯码", "请检查追溯码后重试。"),
        },
        new Dictionary<string, string>
        {
            ["valid"] = "刮刮码正确，这是首次查询。",
            ["reverified"] = "该刮刮码此前已被查询过。如果不是您本人查询的，该药品可能是仿冒品。",
            ["wrong"] = "刮刮码与该药品不符。",
            ["locked"] = "刮刮码错误次数过多，该药品的查询已被锁定。",
            ["no_scratch_code"] = "该药品没有刮刮码。",
        });
}
