namespace MotCua.Domain.Dossiers;

public enum ActorKind
{
    Staff,
    Applicant,
    System,
}

/// <summary>Who performs an action, as recorded on the event; the web layer has already checked permissions.</summary>
public sealed record Actor(ActorKind Kind, string Id, string Name)
{
    public static Actor Staff(string id, string name) => new(ActorKind.Staff, id, name);

    /// <summary>The applicant (or whoever filed for them); the id is the signed-in citizen's, if any.</summary>
    public static Actor Applicant(string name, string id = "applicant") => new(ActorKind.Applicant, id, name);

    public static Actor System { get; } = new(ActorKind.System, "system", "Hệ thống");
}
