namespace MotCua.Domain.Dossiers;

/// <summary>An applicant may withdraw a dossier only before the result exists (and while it is still open).</summary>
public static class WithdrawalRule
{
    public static bool Allows(DossierStatus status) => status is DossierStatus.New or DossierStatus.Accepted
        or DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.PaymentRequested;
}
