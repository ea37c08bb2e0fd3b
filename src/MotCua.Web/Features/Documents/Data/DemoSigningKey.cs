namespace MotCua.Web.Features.Documents.Data;

/// <summary>
/// A certificate of the demo CA with its private key, protected by ASP.NET Core Data Protection (whose keys the
/// product keeps in the database), so restarts and several instances sign with the same root and the same officer
/// certificates. <see cref="Id"/> is "root" or "staff:" and the officer's id. Demo mode only.
/// </summary>
public sealed class DemoSigningKey
{
    public const string RootId = "root";

    public required string Id { get; init; }
    public required byte[] Certificate { get; init; }
    public required string ProtectedKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static string StaffId(Guid staffId) => "staff:" + staffId.ToString("N");
}
