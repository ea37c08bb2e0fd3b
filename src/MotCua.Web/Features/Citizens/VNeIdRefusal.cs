using System.Net.Sockets;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MotCua.Web.Features.Citizens;

/// <summary>Why a VNeID sign-in did not end with a signed-in citizen, and the status code the citizen's page answers with.</summary>
public static class VNeIdRefusal
{
    /// <summary>The provider could not be reached (network, DNS, timeout): try again later.</summary>
    public const string Unavailable = "unavailable";
    /// <summary>The citizen cancelled at the provider.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>The provider answered an error, or tokens that fail the checks (signature, audience, issuer, nonce).</summary>
    public const string Refused = "refused";
    /// <summary>The ID token lacks a valid 12-digit personal ID number.</summary>
    public const string Identity = "identity";
    /// <summary>The account's assurance level is below what the product asks for.</summary>
    public const string Assurance = "assurance";
    /// <summary>The callback does not belong to a sign-in this browser started (state or correlation): start again.</summary>
    public const string Invalid = "invalid";

    public static int StatusOf(string reason) => reason switch
    {
        Unavailable => StatusCodes.Status503ServiceUnavailable,
        Cancelled or Assurance => StatusCodes.Status403Forbidden,
        Refused or Identity => StatusCodes.Status502BadGateway,
        Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status404NotFound,
    };

    public static bool IsKnown(string? reason) => reason is not null && StatusOf(reason) != StatusCodes.Status404NotFound;

    /// <summary>Sorts the handler's failure; anything not recognised is treated as a callback that is not ours.</summary>
    public static string Classify(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case VNeIdRefusedException refused: return refused.Reason;
                case HttpRequestException or SocketException or IOException or TaskCanceledException: return Unavailable;
                case SecurityTokenException or OpenIdConnectProtocolException: return Refused;
            }
        }
        return Invalid;
    }
}

/// <summary>A token that passed the protocol checks but not the product's (no valid ID number, assurance too low).</summary>
public sealed class VNeIdRefusedException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
