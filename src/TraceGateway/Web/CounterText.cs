using TraceChain.Protocol.Diagnosis;

namespace TraceGateway.Web;

/// <summary>Every word on the pharmacy counter page, in English and Simplified Chinese, keyed by the ledger's verdict and refusal codes.</summary>
public sealed record CounterText(
    string Lang,
    string Title,
    string LoginTitle,
    string LoginPrompt,
    string KeyLabel,
    string SignIn,
    string SignedInAs,
    string SignOut,
    string ScanLabel,
    string GsLabel,
    string GsNone,
    string Save,
    string History,
    string NoScans,
    string SetupTitle,
    string ProbablyMeant,
    string GsHint,
    string Switch,
    string SwitchLang,
    IReadOnlyDictionary<string, string> Actions,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyDictionary<string, (string Headline, string Advice)> Outcomes,
    IReadOnlyDictionary<ScanFindingCode, (string Message, string Fix)>? Findings)
{
    public static CounterText For(string language) => language == ConsumerLanguage.Chinese ? Chinese : English;

    /// <summary>The headline and advice for an outcome code; codes without their own words get the generic refusal.</summary>
    public (string Headline, string Advice) Outcome(string code) =>
        Outcomes.TryGetValue(code, out var words) ? words : Outcomes["refused"];

    /// <summary>The colour class of an outcome: green, amber, red or blue; the words always say it too.</summary>
    public static string Tone(string code) => code switch
    {
        "genuine" or "dispensed" or "undone" => "ok",
        "already_dispensed" or "already_in_state" or "not_dispensed" or "undo_window_passed" or "undo_wrong_location" or "wrong_state"
            or "inside_container" or "not_applicable_to_container" or "not_holder" => "warn",
        "unreadable" or "scratch_code" or "device_key_unusable" or "ledger_unavailable" or "invalid_request" or "ledger_refused" or "sample" or "exported" => "info",
        _ => "stop",
    };

    public static CounterText English { get; } = new(
        "en",
        "Pharmacy counter",
        "Pharmacy counter — sign in",
        "Sign in with your pharmacy's API key. The session ends after a period without use and when you sign out.",
        "Pharmacy API key",
        "Sign in",
        "Signed in as pharmacy",
        "Sign out",
        "Scan the pack (or type its code), then press Enter to verify",
        "The scanner types GS as",
        "nothing / GS itself",
        "Save",
        "Last scans",
        "No scans yet in this session.",
        "Scanner setup",
        "The scanner probably meant",
        "On this page you can also pick the character your scanner types for GS (below, “The scanner types GS as”).",
        "中文",
        ConsumerLanguage.Chinese,
        new Dictionary<string, string> { ["verify"] = "Verify", ["dispense"] = "Dispense", ["undo"] = "Undo dispense" },
        new Dictionary<string, string>
        {
            ["wrong_key"] = "This API key is wrong or has been revoked.",
            ["not_pharmacy"] = "This API key does not belong to a pharmacy. The counter page is for pharmacies only.",
            ["form_refused"] = "The form was refused: it expired or did not come from this page. Please try again.",
            ["bad_setting"] = "That GS setting is not one of the choices offered.",
        },
        new Dictionary<string, (string, string)>
        {
            ["genuine"] = ("Genuine", "Registered and active. You can dispense it."),
            ["dispensed"] = ("Dispensed", "Recorded in the ledger: the pack is now dispensed."),
            ["undone"] = ("Dispense undone", "Recorded in the ledger: the pack is active again."),
            ["already_dispensed"] = ("Already dispensed", "This pack was already handed out. Do not supply it."),
            ["already_in_state"] = ("Already done", "The pack is already in that state."),
            ["recalled"] = ("Recalled — do not supply", "This batch has been recalled. Put the pack aside for return."),
            ["withdrawn"] = ("Withdrawn — do not supply", "This product has been withdrawn from the market."),
            ["expired"] = ("Expired — do not supply", "This batch is past its expiry date."),
            ["stolen"] = ("Reported stolen — do not supply", "Put the pack aside and report where it came from."),
            ["destroyed"] = ("Recorded as destroyed — possible counterfeit", "This pack should not exist. Put it aside and report it."),
            ["locked"] = ("Locked — do not supply", "The pack is blocked (e.g. quarantine)."),
            ["sample"] = ("Sample — not for supply", "This pack was taken as a sample."),
            ["exported"] = ("Exported — not for supply here", "This pack left this market."),
            ["suspect"] = ("Suspect — possible counterfeit", "Do not supply. Put the pack aside and report it."),
            ["unknown_product"] = ("Unknown — possible counterfeit", "No record of this product. Do not supply; put it aside and report it."),
            ["unknown_batch"] = ("Unknown — possible counterfeit", "No record of this batch. Do not supply; put it aside and report it."),
            ["unknown_serial"] = ("Unknown — possible counterfeit", "No record of this pack. Do not supply; put it aside and report it."),
            ["unknown_pack"] = ("Unknown — possible counterfeit", "No record of this pack. Do not supply; put it aside and report it."),
            ["batch_mismatch"] = ("Mismatch — possible counterfeit", "The batch read is not this pack's batch. Do not supply."),
            ["expiry_mismatch"] = ("Mismatch — possible counterfeit", "The expiry read is not this batch's expiry. Do not supply."),
            ["not_holder"] = ("Not in this pharmacy's stock", "The ledger does not show this pack as received here. Check the delivery first."),
            ["wrong_state"] = ("Not possible in the pack's state", "The pack's state does not allow this."),
            ["not_dispensed"] = ("Not dispensed", "There is no dispense to undo."),
            ["undo_window_passed"] = ("Too late to undo", "A dispense can be undone only within 10 days."),
            ["undo_wrong_location"] = ("Undo only where dispensed", "A dispense can be undone only at the pharmacy that made it."),
            ["not_pharmacy"] = ("Only a pharmacy dispenses", "This party is not registered as a pharmacy."),
            ["inside_container"] = ("Still inside a case", "Unpack the case first, then scan the pack."),
            ["not_applicable_to_container"] = ("This is a case or pallet", "Scan the pack itself."),
            ["unreadable"] = ("Scan not readable", "Nothing was checked or recorded. See below how to fix the scanner setup."),
            ["scratch_code"] = ("This is a scratch-off code", "It is the patient's own check of the pack; checking it here would use up their first check. Scan the code printed on the pack."),
            ["device_key_unusable"] = ("Counter device needs renewing", "Nothing was recorded. Ask the operator to renew this pharmacy's counter device."),
            ["ledger_refused"] = ("Refused by the ledger", "Nothing was recorded."),
            ["ledger_unavailable"] = ("Ledger unreachable", "Nothing was recorded. Try again in a moment."),
            ["invalid_request"] = ("Not a valid request", "Nothing was recorded."),
            ["refused"] = ("Refused", "Nothing was recorded."),
        },
        null);

    public static CounterText Chinese { get; } = new(
        "zh-CN",
        "药房柜台",
        "药房柜台——登录",
        "请使用本药房的API密钥登录。一段时间不操作或退出后，会话即结束。",
        "药房API密钥",
        "登录",
        "当前药房",
        "退出",
        "扫描药品包装（或输入追溯码），按回车键核验",
        "扫码枪用以下字符代替GS",
        "无 / GS本身",
        "保存",
        "最近扫描",
        "本次会话还没有扫描记录。",
        "扫码枪设置",
        "扫码枪本应发送",
        "也可以在本页下方“扫码枪用以下字符代替GS”中选择扫码枪所用的字符。",
        "English",
        ConsumerLanguage.English,
        new Dictionary<string, string> { ["verify"] = "核验", ["dispense"] = "售出", ["undo"] = "撤销售出" },
        new Dictionary<string, string>
        {
            ["wrong_key"] = "API密钥错误或已被吊销。",
            ["not_pharmacy"] = "该API密钥不属于药房。柜台页面仅供药房使用。",
            ["form_refused"] = "表单被拒绝：已过期或并非来自本页面。请重试。",
            ["bad_setting"] = "该GS设置不在可选范围内。",
        },
        new Dictionary<string, (string, string)>
        {
            ["genuine"] = ("正品", "已登记且状态正常，可以售出。"),
            ["dispensed"] = ("已售出", "已记入账本：该药品现为已售出状态。"),
            ["undone"] = ("已撤销售出", "已记入账本：该药品恢复为正常状态。"),
            ["already_dispensed"] = ("已售出过", "该药品此前已被售出。请勿再次售出。"),
            ["already_in_state"] = ("已处于该状态", "该药品已处于所要求的状态。"),
            ["recalled"] = ("已召回——请勿售出", "该批次已被召回。请将药品单独存放以便退回。"),
            ["withdrawn"] = ("已撤市——请勿售出", "该药品已撤出市场。"),
            ["expired"] = ("已过期——请勿售出", "该批次已超过有效期。"),
            ["stolen"] = ("已报失窃——请勿售出", "请将药品单独存放，并报告其来源。"),
            ["destroyed"] = ("记录为已销毁——可能是假药", "该药品不应存在。请单独存放并上报。"),
            ["locked"] = ("已冻结——请勿售出", "该药品已被冻结（例如隔离）。"),
            ["sample"] = ("样品——不得售出", "该药品已作为样品取出。"),
            ["exported"] = ("已出口——不得在此售出", "该药品已离开本市场。"),
            ["suspect"] = ("可疑——可能是假药", "请勿售出。请单独存放并上报。"),
            ["unknown_product"] = ("未知——可能是假药", "没有该药品的记录。请勿售出，单独存放并上报。"),
            ["unknown_batch"] = ("未知——可能是假药", "没有该批次的记录。请勿售出，单独存放并上报。"),
            ["unknown_serial"] = ("未知——可能是假药", "没有该药品的记录。请勿售出，单独存放并上报。"),
            ["unknown_pack"] = ("未知——可能是假药", "没有该药品的记录。请勿售出，单独存放并上报。"),
            ["batch_mismatch"] = ("不符——可能是假药", "读到的批号与该药品的批号不符。请勿售出。"),
            ["expiry_mismatch"] = ("不符——可能是假药", "读到的有效期与该批次不符。请勿售出。"),
            ["not_holder"] = ("不在本药房库存中", "账本未显示本药房收到过该药品。请先核对到货。"),
            ["wrong_state"] = ("当前状态下无法操作", "该药品的状态不允许此操作。"),
            ["not_dispensed"] = ("尚未售出", "没有可撤销的售出。"),
            ["undo_window_passed"] = ("已超过撤销期限", "售出只能在10天内撤销。"),
            ["undo_wrong_location"] = ("只能在售出药房撤销", "售出只能由售出该药品的药房撤销。"),
            ["not_pharmacy"] = ("只有药房可以售出", "该机构未登记为药房。"),
            ["inside_container"] = ("仍在箱内", "请先拆箱，再扫描单个药品。"),
            ["not_applicable_to_container"] = ("这是箱或托盘", "请扫描单个药品。"),
            ["unreadable"] = ("无法识别扫描结果", "未进行核验，也未记录。请按下方说明调整扫码枪设置。"),
            ["scratch_code"] = ("这是刮刮码", "刮刮码供患者本人核验；在此查询会用掉患者的首次查询。请扫描包装上印刷的追溯码。"),
            ["device_key_unusable"] = ("柜台设备需要更新", "未作任何记录。请联系运维人员更新本药房的柜台设备。"),
            ["ledger_refused"] = ("账本拒绝", "未作任何记录。"),
            ["ledger_unavailable"] = ("无法连接账本", "未作任何记录。请稍后重试。"),
            ["invalid_request"] = ("无效请求", "未作任何记录。"),
            ["refused"] = ("被拒绝", "未作任何记录。"),
        },
        new Dictionary<ScanFindingCode, (string, string)>
        {
            [ScanFindingCode.SeparatorsDropped] = ("扫码枪没有发送GS分隔符（FNC1），可变长度字段吞掉了后面的数据。", "在扫码枪设置中开启发送GS（FNC1），或在本页选择扫码枪用来代替GS的字符。"),
            [ScanFindingCode.SeparatorSubstituted] = ("扫码枪用其他字符代替了GS分隔符。", "在本页的GS设置中选择该字符，或把扫码枪设为发送GS。"),
            [ScanFindingCode.KeyboardLayoutAzerty] = ("扫码枪按美式键盘输出，但电脑使用AZERTY（法语）键盘布局。", "把扫码枪的键盘布局设为与电脑一致，或把电脑切换为美式键盘。"),
            [ScanFindingCode.KeyboardLayoutQwertz] = ("扫码枪按美式键盘输出，但电脑使用QWERTZ（德语）键盘布局。", "把扫码枪的键盘布局设为与电脑一致，或把电脑切换为美式键盘。"),
            [ScanFindingCode.CapsLock] = ("大写锁定已打开：字母大小写颠倒。", "关闭电脑的大写锁定键（Caps Lock）。"),
            [ScanFindingCode.CaseConverted] = ("扫码枪把所有字母转换成了大写或小写。", "在扫码枪设置中关闭大小写转换。"),
            [ScanFindingCode.LineEndingLeftIn] = ("数据中留有回车/换行、制表符或STX/ETX字符。", "在扫码枪设置中只保留回车（Enter）作为后缀。"),
            [ScanFindingCode.AimMissing] = ("没有AIM码制标识符。", "在扫码枪设置中开启AIM码制标识符（]d2、]Q3）。"),
            [ScanFindingCode.AimUnexpected] = ("码制标识符不是GS1的（如]d1、]Q1、]C0），或前缀未知。", "开启扫码枪的GS1模式，并扫描包装上的GS1二维码。"),
            [ScanFindingCode.CodeInvalid] = ("扫码枪设置无法解释该数据：码本身无效（损坏、印刷错误或假冒）。", "请手工核对包装上的码；如仍无效，请勿售出并上报。"),
        });

    /// <summary>The finding in this language: the Foundation's own English sentences, or their translation.</summary>
    public (string Message, string Fix) Finding(ScanFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Findings is not null && Findings.TryGetValue(finding.Code, out var words) ? words : (finding.Message, finding.Fix);
    }
}
