using System.Globalization;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Documents;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Slips;

/// <summary>
/// The wording of forms 01–05 (Circular 01/2018/TT-VPCP), in Vietnamese as the law gives them, filled from
/// the dossier. Form 05 and the dates come from the dossier's own records, so a slip printed twice is the same.
/// </summary>
public static class SlipBuilder
{
    private const string QrCaption = "Quét mã QR để tra cứu tình trạng giải quyết hồ sơ trực tuyến, không cần đăng nhập.";

    /// <summary>The slip, or null when the dossier has not produced it (a refusal for an accepted dossier, say).</summary>
    public static SlipDocument? Build(SlipSource source, string number)
    {
        if (!SlipNumbers.Exists(source.Dossier, number)) return null;
        return number switch
        {
            SlipNumbers.Receipt => Receipt(source),
            SlipNumbers.SupplementRequest => SupplementRequest(source),
            SlipNumbers.Refusal => Refusal(source),
            SlipNumbers.Apology => Apology(source),
            SlipNumbers.ProcessingControl => ProcessingControl(source),
            _ => null,
        };
    }

    private static SlipDocument Receipt(SlipSource s)
    {
        var d = s.Dossier;
        var reception = d.Events.First(e => e.Type is DossierEventType.Accepted or DossierEventType.Received);
        List<SlipBlock> blocks = [new SlipParagraph($"{s.ReceivingUnitName} tiếp nhận hồ sơ của:"), .. Applicant(d)];
        blocks.Add(new SlipField("Nội dung yêu cầu giải quyết", $"{s.ProcedureName} (mã thủ tục {d.ProcedureCode})"));
        blocks.Add(new SlipField("Hình thức nộp", ChannelName(d.Channel)));
        blocks.Add(new SlipHeading("Thành phần hồ sơ nộp gồm:"));
        blocks.Add(d.Attachments.Count > 0
            ? new SlipList([.. d.Attachments.Select(a => $"{a.FileName} ({a.DocumentKey})")])
            : new SlipParagraph("Theo danh mục thành phần hồ sơ của thủ tục, đã được kiểm tra đầy đủ tại bộ phận tiếp nhận."));
        blocks.Add(new SlipField("Thời gian nhận hồ sơ", When(d.ReceivedAt!.Value)));
        blocks.Add(new SlipField("Thời gian trả kết quả giải quyết hồ sơ", When(d.DueAt!.Value)));
        blocks.Add(new SlipField("Đăng ký nhận kết quả tại", s.ReceivingUnitName));
        return Document(s, SlipNumbers.Receipt, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", blocks,
            [new SlipSigner("Người nộp hồ sơ", d.FiledBy.FullName), new SlipSigner("Người tiếp nhận hồ sơ", reception.ActorName)]);
    }

    private static SlipDocument SupplementRequest(SlipSource s)
    {
        var d = s.Dossier;
        var round = d.SupplementRounds[^1];
        List<SlipBlock> blocks = [new SlipParagraph($"{s.ReceivingUnitName} tiếp nhận hồ sơ của:"), .. Applicant(d)];
        blocks.Add(new SlipField("Nội dung yêu cầu giải quyết", s.ProcedureName));
        blocks.Add(new SlipParagraph($"Lần yêu cầu thứ {round.Number}, {When(round.RequestedAt)}. Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"));
        blocks.Add(new SlipList(round.Items));
        blocks.Add(new SlipField("Lý do", round.Reason));
        blocks.Add(new SlipParagraph($"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ {s.ReceivingUnitName} để được hướng dẫn."));
        return Document(s, SlipNumbers.SupplementRequest, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", blocks,
            [new SlipSigner("Người hướng dẫn", round.RequestedBy)]);
    }

    private static SlipDocument Refusal(SlipSource s)
    {
        var d = s.Dossier;
        var refusal = d.Events.Last(e => e.Type == DossierEventType.Refused);
        List<SlipBlock> blocks = [new SlipParagraph($"{s.ReceivingUnitName} tiếp nhận hồ sơ của:"), .. Applicant(d)];
        blocks.Add(new SlipField("Nội dung yêu cầu giải quyết", s.ProcedureName));
        blocks.Add(new SlipParagraph("Sau khi xem xét, đối chiếu thành phần hồ sơ, hồ sơ của Ông/Bà không đủ điều kiện tiếp nhận, giải quyết với lý do cụ thể như sau:"));
        blocks.Add(new SlipParagraph(refusal.Reason ?? ""));
        blocks.Add(new SlipField("Thời gian", When(refusal.At)));
        blocks.Add(new SlipParagraph("Xin thông báo để Ông/Bà được biết và thực hiện."));
        return Document(s, SlipNumbers.Refusal, "Phiếu từ chối tiếp nhận giải quyết hồ sơ", blocks,
            [new SlipSigner("Người tiếp nhận hồ sơ", refusal.ActorName)]);
    }

    private static SlipDocument Apology(SlipSource s)
    {
        var d = s.Dossier;
        var apology = d.ApologySlips[^1];
        List<SlipBlock> blocks = [new SlipParagraph($"{s.ReceivingUnitName} tiếp nhận hồ sơ của:"), .. Applicant(d)];
        blocks.Add(new SlipField("Nội dung yêu cầu giải quyết", s.ProcedureName));
        blocks.Add(new SlipField("Thời gian hẹn trả kết quả", When(apology.OldAppointment)));
        blocks.Add(new SlipField("Lý do chậm trả kết quả", apology.Reason));
        blocks.Add(new SlipField("Thời gian hẹn trả kết quả lần sau", When(apology.NewAppointment)));
        blocks.Add(new SlipParagraph($"{s.ReceivingUnitName} xin lỗi Ông/Bà vì sự chậm trễ này và hẹn trả kết quả vào thời gian nêu trên."));
        return Document(s, SlipNumbers.Apology, "Phiếu xin lỗi và hẹn lại ngày trả kết quả", blocks,
            [new SlipSigner("Đại diện cơ quan", apology.IssuedBy)]);
    }

    private static SlipDocument ProcessingControl(SlipSource s)
    {
        var d = s.Dossier;
        List<SlipBlock> blocks =
        [
            new SlipField("Người nộp", d.Owner.FullName),
            new SlipField("Nội dung yêu cầu giải quyết", s.ProcedureName),
            new SlipField("Thời gian nhận hồ sơ", When(d.ReceivedAt!.Value)),
            new SlipField("Thời gian trả kết quả", When(d.AppointmentAt ?? d.DueAt!.Value)),
            new SlipHeading("Quá trình giao, nhận hồ sơ:"),
        ];
        var rows = d.ProcessingControlSlip().Select((e, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            When(e.At),
            Side(e.FromPerson, e.FromUnitId is { } from ? s.UnitName(from) : "Bộ phận tiếp nhận và trả kết quả"),
            Side(e.ToPerson, s.UnitName(e.ToUnitId)),
            e.ToStepDueAt is { } due ? When(due) : "",
            (e.FromStepLate ? "Bước trước quá hạn. " : "") + (e.Reason ?? ""),
        ]).ToList();
        blocks.Add(new SlipTable(
            ["STT", "Thời gian giao, nhận", "Bên giao", "Bên nhận", "Hạn xử lý của bước", "Ghi chú"],
            [0.5, 1.6, 2, 2, 1.6, 1.6], rows));
        return Document(s, SlipNumbers.ProcessingControl, "Phiếu kiểm soát quá trình giải quyết hồ sơ", blocks, []);
    }

    private static SlipDocument Document(SlipSource s, string number, string title, List<SlipBlock> blocks, IReadOnlyList<SlipSigner> signers)
    {
        var key = s.Dossier.Code ?? s.Dossier.Reference;
        return new SlipDocument
        {
            FormNumber = number,
            Issuer = s.ReceivingUnitName,
            Title = title,
            Subtitle = "Mã hồ sơ: " + key,
            Blocks = blocks,
            Signers = signers,
            QrUrl = s.LookupUrl,
            QrCaption = s.LookupUrl is null ? null : QrCaption,
            FileName = $"mau-{number}-{key}.pdf",
        };
    }

    private static IEnumerable<SlipBlock> Applicant(Dossier d)
    {
        var o = d.Owner;
        yield return new SlipField(o.Kind == ApplicantKind.Organization ? "Tổ chức" : "Ông/Bà", o.FullName);
        yield return new SlipField(o.Kind == ApplicantKind.Organization ? "Mã số thuế" : "Số định danh cá nhân", o.IdNumber);
        if (o.Address is { } address) yield return new SlipField("Địa chỉ", address);
        if (o.Phone is { } phone) yield return new SlipField("Số điện thoại", phone);
        if (o.Email is { } email) yield return new SlipField("Thư điện tử", email);
    }

    // Step keys are internal names ("examine"), so the slip names the person and the unit only.
    private static string Side(string? person, string unit) =>
        string.Join(" – ", new[] { person, unit }.Where(x => !string.IsNullOrWhiteSpace(x)));

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Counter => "Trực tiếp tại bộ phận một cửa",
        Channel.Online => "Trực tuyến",
        _ => "Qua dịch vụ bưu chính",
    };

    /// <summary>"09:30 ngày 24/11/2026", in Vietnam time.</summary>
    public static string When(DateTimeOffset at) =>
        VietnamTime.ToLocal(at).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
}
