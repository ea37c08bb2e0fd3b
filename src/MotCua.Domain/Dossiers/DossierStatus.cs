using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// The national status codes used when syncing with the national portal; the numbers are the codes and
/// must never be renumbered. Internal sub-states (tasks, consultations) live beside the status.
/// </summary>
public enum DossierStatus
{
    New = 1,
    Accepted = 2,
    Refused = 3,
    Processing = 4,
    SupplementRequested = 5,
    PaymentRequested = 6,
    Withdrawn = 7,
    Stopped = 8,
    Processed = 9,
    ResultReturned = 10,
}

public static class DossierStatuses
{
    /// <summary>The Vietnamese name used by the national portal.</summary>
    public static string VietnameseName(this DossierStatus status) => status switch
    {
        DossierStatus.New => "Mới đăng ký",
        DossierStatus.Accepted => "Được tiếp nhận",
        DossierStatus.Refused => "Không được tiếp nhận",
        DossierStatus.Processing => "Đang xử lý",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung giấy tờ",
        DossierStatus.PaymentRequested => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierStatus.Withdrawn => "Công dân yêu cầu rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Processed => "Đã xử lý xong",
        DossierStatus.ResultReturned => "Đã trả kết quả",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>No further change of status is possible (rating aside, which needs status 10).</summary>
    public static bool IsClosed(this DossierStatus status) =>
        status is DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped or DossierStatus.ResultReturned;

    /// <summary>Accepted and not yet finished: a main task is open (possibly waiting for the applicant).</summary>
    public static bool IsInProcessing(this DossierStatus status) =>
        status is DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.PaymentRequested;
}

/// <summary>The national channel codes: 1 at the counter, 2 online, 3 by post.</summary>
public static class ChannelCode
{
    public static int Of(Channel channel) => channel switch
    {
        Channel.Counter => 1,
        Channel.Online => 2,
        Channel.Post => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static Channel FromCode(int code) => code switch
    {
        1 => Channel.Counter,
        2 => Channel.Online,
        3 => Channel.Post,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Channel codes are 1, 2 and 3."),
    };
}
