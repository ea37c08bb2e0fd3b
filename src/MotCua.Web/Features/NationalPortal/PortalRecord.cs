using System.Globalization;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// One dossier as the portal receives it (field names as public implementations use them, docs/national-portal.md):
/// the whole current state each time, with its version, so the portal can upsert on MaHoSo and keep the newest.
/// Dates are yyyyMMddHHmmss in Vietnam time. No personal ID or phone number leaves: the applicant's name and kind only.
/// </summary>
public sealed record PortalRecord
{
    public required string MaHoSo { get; init; }
    public required long PhienBan { get; init; }
    public required string MaTTHC { get; init; }
    public required string TenTTHC { get; init; }
    public required string MaLinhVuc { get; init; }
    public required string ChuHoSo { get; init; }
    /// <summary>1 citizen, 2 organisation.</summary>
    public required int LoaiDoiTuong { get; init; }
    /// <summary>1 counter, 2 online, 3 post.</summary>
    public required int KenhThucHien { get; init; }
    /// <summary>The national status code 1–10.</summary>
    public required int TrangThaiHoSo { get; init; }
    public required string NgayNopHoSo { get; init; }
    public string? NgayTiepNhan { get; init; }
    public string? NgayHenTra { get; init; }
    public string? NgayKetThucXuLy { get; init; }
    public string? NgayTra { get; init; }
    public required string DonViTiepNhan { get; init; }
    public required string DonViXuLy { get; init; }
    public required int SoLanBoSung { get; init; }
    public required long PhiLePhi { get; init; }
    public required bool DaThanhToanTrucTuyen { get; init; }
    public required bool CoKetQuaDienTu { get; init; }
    public required string CapNhatLuc { get; init; }

    public static PortalRecord From(Dossier d, ProcedureDefinition procedure, string receivingUnitCode, string processingUnitCode, bool paidOnline) => new()
    {
        MaHoSo = d.Code ?? d.Reference,
        PhienBan = d.Version,
        MaTTHC = d.ProcedureCode,
        TenTTHC = procedure.Name,
        MaLinhVuc = procedure.Field,
        ChuHoSo = d.Owner.FullName,
        LoaiDoiTuong = d.Owner.Kind == ApplicantKind.Organization ? 2 : 1,
        KenhThucHien = d.Channel switch { Channel.Counter => 1, Channel.Online => 2, _ => 3 },
        TrangThaiHoSo = (int)d.Status,
        NgayNopHoSo = Date(d.SubmittedAt)!,
        NgayTiepNhan = Date(d.ReceivedAt),
        NgayHenTra = Date(d.DueAtAdjusted ?? d.DueAt),
        NgayKetThucXuLy = Date(d.ProcessingFinishedAt ?? d.RefusedAt ?? d.StoppedAt ?? d.WithdrawnAt),
        NgayTra = Date(d.ReturnedAt),
        DonViTiepNhan = receivingUnitCode,
        DonViXuLy = processingUnitCode,
        SoLanBoSung = d.SupplementRounds.Count,
        PhiLePhi = d.Payments.Sum(p => p.Amount),
        DaThanhToanTrucTuyen = paidOnline,
        CoKetQuaDienTu = d.ResultDocuments.Count > 0,
        CapNhatLuc = Date(d.Events.Count > 0 ? d.Events[^1].At : d.SubmittedAt)!,
    };

    public static string? Date(DateTimeOffset? at) =>
        at?.ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
