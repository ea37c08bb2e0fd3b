using MotCua.Domain.Delivery;

namespace MotCua.Web.Features.Delivery;

/// <summary>The postal fee tariff and the procedures whose file the post may pick up (MotCua:Delivery; docs/delivery.md).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "MotCua:Delivery";

    /// <summary>The sending units' province: the sender address and the "inner/outer" tariff refer to it.</summary>
    public string HomeProvince { get; set; } = "Thành phố Hà Nội";

    /// <summary>Flat fee (VND) for an address in a province the tariff does not list.</summary>
    public long OtherProvinceFee { get; set; } = 45_000;

    /// <summary>Per-province fees; empty means the bundled Hanoi rates (<see cref="HanoiDefault"/>).</summary>
    public List<ProvinceRateOptions> Provinces { get; set; } = [];

    /// <summary>National codes of the procedures whose application file the post may pick up (a seeded setting; ADR 0022).</summary>
    public List<string> PickupProcedures { get; set; } = [];

    public PostalTariff Tariff() => new(
        [.. (Provinces.Count > 0 ? Provinces : HanoiDefault).Select(p => new ProvinceRate(p.Province, p.Inner, p.Outer, p.InnerCommunes))],
        OtherProvinceFee);

    /// <summary>Hanoi: the wards of the former inner districts (2025 names) are the inner area.</summary>
    public static readonly IReadOnlyList<ProvinceRateOptions> HanoiDefault =
    [
        new()
        {
            Province = "Thành phố Hà Nội", Inner = 22_000, Outer = 32_000,
            InnerCommunes =
            [
                "Hoàn Kiếm", "Cửa Nam", "Ba Đình", "Ngọc Hà", "Giảng Võ", "Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai", "Đống Đa",
                "Kim Liên", "Văn Miếu - Quốc Tử Giám", "Láng", "Ô Chợ Dừa", "Hồng Hà", "Lĩnh Nam", "Hoàng Mai", "Vĩnh Hưng",
                "Tương Mai", "Định Công", "Hoàng Liệt", "Yên Sở", "Thanh Xuân", "Khương Đình", "Phương Liệt", "Cầu Giấy",
                "Nghĩa Đô", "Yên Hòa", "Tây Hồ", "Phú Thượng",
            ],
        },
    ];
}

public sealed class ProvinceRateOptions
{
    public string Province { get; set; } = "";
    public long Inner { get; set; }
    public long Outer { get; set; }
    public List<string> InnerCommunes { get; set; } = [];
}

/// <summary>The postal service's API (MotCua:Postal): where, who we are, and the callback secret.</summary>
public sealed class PostalOptions
{
    public const string Section = "MotCua:Postal";

    /// <summary>Base URL of the order API; empty in demo mode means the bundled simulator at /simulators/postal.</summary>
    public string? BaseUrl { get; set; }
    public string CustomerCode { get; set; } = "";
    public string Token { get; set; } = "";
    /// <summary>Shared secret the post signs its status callbacks with (HMAC-SHA256).</summary>
    public string CallbackSecret { get; set; } = "";
    /// <summary>The counter's phone on the orders (the sender's phone).</summary>
    public string SenderPhone { get; set; } = "02439999999";
    /// <summary>How often the reconciler looks for shipments with no news.</summary>
    public int PollMinutes { get; set; } = 15;
    /// <summary>A shipment with no news for this long is asked about.</summary>
    public int QuietMinutes { get; set; } = 60;
    /// <summary>Demo mode: the simulator moves every shipment one state on this often (0: only by hand).</summary>
    public int SimulatorStepSeconds { get; set; } = 60;
    public bool PollingEnabled { get; set; } = true;
}
