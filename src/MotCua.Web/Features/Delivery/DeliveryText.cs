using System.Globalization;

namespace MotCua.Web.Features.Delivery;

public static class DeliveryText
{
    /// <summary>VND with dot thousands, as Vietnamese prices are written: 22.000 ₫.</summary>
    public static string Money(long vnd) => vnd.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN")) + " ₫";

    public static string StateKey(MotCua.Domain.Delivery.ShipmentState state) => "delivery.state." + state;
}
