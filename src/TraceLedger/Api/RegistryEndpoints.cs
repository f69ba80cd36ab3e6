using Microsoft.AspNetCore.Http.HttpResults;
using TraceLedger.Log;

namespace TraceLedger.Api;

/// <summary>Party and device registration, key rotation and revocation (each recorded as a log entry), and a device's current registration.</summary>
public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").AddEndpointFilter(RequireApiKeyAsync);
        group.MapPost("/parties", (PartyRequest body, Ledger ledger, CancellationToken cancellationToken) =>
            WireNames.Role(body.Role) is { } role
                ? Run(() => ledger.RegisterPartyAsync(new PartyRegistration(body.Gln ?? "", body.Name ?? "", role, body.Latitude, body.Longitude), cancellationToken))
                : Task.FromResult<IResult>(BadRequest($"role '{body.Role}' must be manufacturer, distributor, pharmacy or regulator")));
        group.MapPost("/devices", (DeviceRequest body, Ledger ledger, CancellationToken cancellationToken) =>
            Key(body.PublicKey) is { } key
                ? Run(() => ledger.RegisterDeviceAsync(new DeviceRegistration(body.DeviceId ?? "", body.PartyGln ?? "", key), cancellationToken))
                : Task.FromResult<IResult>(BadRequest("publicKey must be standard base64 of a DER SubjectPublicKeyInfo")));
        group.MapGet("/devices/{deviceId}", (string deviceId, Ledger ledger) =>
            ledger.FindDevice(deviceId) is { } device
                ? Results.Ok(new DeviceResponse(device.DeviceId, device.PartyGln, device.Active, Convert.ToBase64String(device.PublicKeySpki), device.KeySeq, device.LastCounter))
                : TypedResults.Problem($"There is no device '{deviceId}'.", statusCode: StatusCodes.Status404NotFound));
        group.MapPost("/devices/{deviceId}/keys", (string deviceId, KeyRotationRequest body, Ledger ledger, CancellationToken cancellationToken) =>
            Key(body.PublicKey) is { } key
                ? Run(() => ledger.RotateDeviceKeyAsync(deviceId, key, cancellationToken))
                : Task.FromResult<IResult>(BadRequest("publicKey must be standard base64 of a DER SubjectPublicKeyInfo")));
        group.MapPost("/devices/{deviceId}/revoke", (string deviceId, Ledger ledger, CancellationToken cancellationToken) =>
            Run(() => ledger.RevokeDeviceAsync(deviceId, cancellationToken)));
        return routes;
    }

    /// <summary>Registry changes, pack operations and the feed need <c>Authorization: Bearer {api key}</c> (keys come from <c>TraceLedger api-key</c>).</summary>
    internal static async ValueTask<object?> RequireApiKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var ledger = http.RequestServices.GetRequiredService<Ledger>();
        if (await ledger.ApiKeys.VerifyAsync(presented, http.RequestAborted) is null)
        {
            return TypedResults.Problem("This endpoint needs 'Authorization: Bearer <api key>' with a live key.", statusCode: StatusCodes.Status401Unauthorized, title: "API key required");
        }

        return await next(context);
    }

    private static async Task<IResult> Run(Func<Task<long>> action)
    {
        try
        {
            var seq = await action();
            return TypedResults.Created($"/v1/entries/{seq}", new RegistryResponse(seq));
        }
        catch (RegistryException e)
        {
            return BadRequest(e.Message);
        }
    }

    private static byte[]? Key(string? base64)
    {
        try
        {
            return string.IsNullOrEmpty(base64) ? null : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Registration refused");
}
