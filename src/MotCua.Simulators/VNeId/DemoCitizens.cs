using System.Globalization;

namespace MotCua.Simulators.VNeId;

/// <summary>
/// A made-up citizen with a VNeID account: what the identity provider knows and tells relying parties about a person.
/// <paramref name="Level"/> is the VNeID account level (2 = identified in person), given to relying parties as the
/// assurance level <c>acr</c> ("LoA1", "LoA2").
/// </summary>
public sealed record DemoCitizen(string IdNumber, string FullName, DateOnly DateOfBirth, string Phone, string Email, string Address, int Level = 2)
{
    public string BornText => DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public string Acr => "LoA" + Level.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The three demo citizens of the bundled VNeID stand-in, fixed in code so that tests, the demo and the docs agree.
/// Their ID numbers follow the 12-digit form (province 001 = Hà Nội, then century/sex, year and a serial).
/// </summary>
public static class DemoCitizens
{
    public static readonly IReadOnlyList<DemoCitizen> All =
    [
        new("001089012345", "Nguyễn Văn An", new DateOnly(1989, 4, 12), "0912345678", "an.nguyen@example.vn", "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội"),
        new("001192034567", "Trần Thị Bích", new DateOnly(1992, 9, 3), "0987654321", "bich.tran@example.vn", "45 Kim Mã, phường Giảng Võ, Hà Nội"),
        new("001075056789", "Lê Minh Cường", new DateOnly(1975, 1, 28), "0903112233", "cuong.le@example.vn", "8 Nguyễn Trãi, phường Thanh Xuân, Hà Nội"),
    ];

    public static DemoCitizen? Find(string? idNumber) => All.FirstOrDefault(c => c.IdNumber == idNumber);
}
