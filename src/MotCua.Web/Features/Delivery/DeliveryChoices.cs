using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;
using MotCua.Domain.Catalog;
using MotCua.Domain.Delivery;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Delivery;

/// <summary>What the applicant posted on the delivery page (wizard step or dossier page), unchecked.</summary>
public sealed record DeliveryInput(string? Method, string? ReceiverName, string? Phone, string? Street, string? Commune, string? Province, bool Pickup, bool Confirm);

/// <summary>The outcome of a post of the delivery form.</summary>
public sealed record DeliverySubmit(IReadOnlyList<(string FieldId, string Message)> Errors, PostalQuote? ToConfirm, bool Saved);

/// <summary>An error next to a field: its id and its localisation key.</summary>
public sealed record DeliveryFieldError(string Field, string Key);

/// <summary>
/// Reads, checks and saves the applicant's delivery choice. A post choice is saved only once the citizen has seen the
/// fee and confirmed it (<see cref="DeliveryInput.Confirm"/>); bad input writes nothing.
/// </summary>
public sealed class DeliveryChoices(MotCuaDbContext db, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    public PostalTariff Tariff { get; } = options.Value.Tariff();

    public bool PickupAllowed(ProcedureDefinition procedure) =>
        procedure.ReceiveChannels.Contains(Channel.Post) && options.Value.PickupProcedures.Contains(procedure.NationalCode, StringComparer.Ordinal);

    /// <summary>The ways the procedure returns results; post and counter are always possible at the one-stop counter.</summary>
    public static IReadOnlyList<Channel> Methods(ProcedureDefinition procedure) =>
        [.. new[] { Channel.Counter, Channel.Online, Channel.Post }.Where(c => c == Channel.Counter || procedure.ReturnChannels.Contains(c))];

    /// <summary>The city's communes and wards today, suggested in the commune field (a typed name works too).</summary>
    public static async Task<IReadOnlyList<string>> CommunesAsync(Organization.UnitDirectory units, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(units);
        return [.. (await units.TodayAsync(ct)).All.Where(u => u.Kind is Domain.Organization.UnitKind.Ward or Domain.Organization.UnitKind.Commune)
            .Select(u => u.Name).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi"), false))];
    }

    public Task<DeliveryChoice?> ForDraftAsync(Guid draftId, CancellationToken ct) =>
        db.Set<DeliveryChoice>().FirstOrDefaultAsync(c => c.DraftId == draftId, ct);

    /// <summary>Until the result is on its way (handed to the post) or the dossier is over, the applicant may change the choice.</summary>
    public async Task<bool> ChangeableAsync(Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.Status is DossierStatus.ResultReturned or DossierStatus.Withdrawn or DossierStatus.Refused or DossierStatus.Stopped) return false;
        return !await db.Set<PostalShipment>().AnyAsync(s => s.DossierId == dossier.Id && s.Purpose == ShipmentPurpose.Result, ct);
    }

    public Task<DeliveryChoice?> ForDossierAsync(Guid dossierId, CancellationToken ct) =>
        db.Set<DeliveryChoice>().FirstOrDefaultAsync(c => c.DossierId == dossierId, ct);

    /// <summary>Checks the input: (errors, the address, the quote). The quote is there whenever the address is valid.</summary>
    public (IReadOnlyList<DeliveryFieldError> Errors, Channel? Method, PostalAddress? Address, PostalQuote? Quote) Check(DeliveryInput input, ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<DeliveryFieldError>();
        Channel? method = input.Method switch { "counter" => Channel.Counter, "online" => Channel.Online, "post" => Channel.Post, _ => null };
        if (method is null || !Methods(procedure).Contains(method.Value))
        {
            errors.Add(new("method", "delivery.method.required"));
            return (errors, null, null, null);
        }
        if (input.Pickup && !PickupAllowed(procedure)) errors.Add(new("pickup", "delivery.pickup.notallowed"));
        if (method != Channel.Post && !input.Pickup) return (errors, method, null, null);
        var problems = PostalAddress.Problems(input.ReceiverName, input.Phone, input.Street, input.Commune, input.Province);
        errors.AddRange(problems.Select(p => new DeliveryFieldError(p.Field, $"delivery.{p.Field}.{p.Code}")));
        if (problems.Count > 0) return (errors, method, null, null);
        var address = PostalAddress.From(input.ReceiverName!, input.Phone!, input.Street!, input.Commune!, input.Province!);
        return (errors, method, address, Tariff.Quote(address.Province, address.Commune));
    }

    /// <summary>Applies checked input to a choice (new or existing); the caller saves.</summary>
    public void Apply(DeliveryChoice choice, Channel method, PostalAddress? address, PostalQuote? quote, bool pickup)
    {
        ArgumentNullException.ThrowIfNull(choice);
        choice.Method = method;
        choice.Receiver = address is null ? null : PostalReceiver.From(address);
        choice.ResultFee = method == Channel.Post ? quote?.Fee ?? 0 : 0;
        // The pickup is decided at filing (its shipment is ordered then); a later change keeps what was confirmed.
        if (choice.DossierId is null)
        {
            choice.Pickup = pickup;
            choice.PickupFee = pickup ? quote?.Fee ?? 0 : 0;
        }
        choice.Area = address is null ? null : quote?.Area;
        choice.ConfirmedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// The delivery form's post: errors (nothing written), or a post address to confirm with its fee (nothing written),
    /// or the choice saved (a new one is added with <paramref name="create"/>).
    /// </summary>
    public async Task<DeliverySubmit> SubmitAsync(DeliveryInput input, ProcedureDefinition procedure, DeliveryChoice? existing,
        Func<DeliveryChoice> create, Func<string, string> text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(text);
        var (errors, method, address, quote) = Check(input, procedure);
        if (errors.Count > 0) return new([.. errors.Select(e => (e.Field, text(e.Key)))], null, false);
        if (address is not null && !input.Confirm) return new([], quote, false);
        var choice = existing ?? create();
        if (existing is null) db.Set<DeliveryChoice>().Add(choice);
        Apply(choice, method!.Value, address, quote, input.Pickup);
        await db.SaveChangesAsync(ct);
        return new([], null, true);
    }

    /// <summary>
    /// Makes the draft's choice the dossier's in the filing transaction: the filing removes the draft and adds the
    /// dossier in one SaveChanges, and this sets the choice's dossier id (and queues the file pickup) in that same save.
    /// </summary>
    public async Task AdoptOnFilingAsync(Guid draftId, Func<Dossier, PostalReceiver, long, Guid> queuePickup, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queuePickup);
        if (await ForDraftAsync(draftId, ct) is not { } choice) return;
        void Adopt(object? sender, SavingChangesEventArgs e)
        {
            var filed = db.ChangeTracker.Entries<Dossier>().FirstOrDefault(x => x.State == EntityState.Added)?.Entity;
            if (filed is null || choice.DossierId is not null) return;
            choice.DossierId = filed.Id;
            choice.DraftId = null;
            if (choice.Pickup && choice.Receiver is { } receiver) queuePickup(filed, receiver, choice.PickupFee);
            db.SavingChanges -= Adopt;
        }
        db.SavingChanges += Adopt;
    }
}
