using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// This host's own HTTP address: where the bundled simulators (SMS, VNeID, VNPay, the post, the national portal)
/// answer in demo mode, so that the adapters speak to them over real HTTP exactly as to the real services.
/// </summary>
public static class SelfAddress
{
    /// <summary>
    /// The first http:// address the server listens on, made dialable (a wildcard host becomes loopback), without a
    /// trailing slash; null when it listens on none (the tests' in-memory server).
    /// </summary>
    public static string? Of(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var self = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        return self?.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("+", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>The address, or http://localhost for a server that listens on none (the tests' in-memory one).</summary>
    public static string OrLocalhost(IServer server) => Of(server) ?? "http://localhost";

    /// <summary>The address in demo mode only: outside it no adapter may fall back to a bundled simulator.</summary>
    public static string? InDemo(MotCuaOptions product, IServer server)
    {
        ArgumentNullException.ThrowIfNull(product);
        return product.Demo ? Of(server) : null;
    }
}
