using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Two officers acting on one dossier at once: the second save fails either on the version check of the
/// dossier row or, when its new events are written first, on the event numbers the first already took.
/// Both mean "someone else changed this dossier"; the caller reloads and shows a clear conflict message.
/// </summary>
public static class DossierConflicts
{
    public static bool IsConflict(DbUpdateException e) =>
        e is DbUpdateConcurrencyException || IsUniqueViolation(e.InnerException);

    private static bool IsUniqueViolation(Exception? inner) => inner switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };
}
