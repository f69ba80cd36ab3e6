using MediatR;
using TraceGateway.Counter;
using TraceGateway.Errors;
using TraceGateway.Security;

namespace TraceGateway.Features.RevokeApiKey;

public sealed class RevokeApiKeyHandler(GatewayKeys keys, CounterSessions counterSessions) : IRequestHandler<RevokeApiKeyCommand, bool>
{
    public async Task<bool> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await keys.RevokeAsync(request.KeyId!, cancellationToken))
        {
            throw new NotFoundException($"There is no API key {request.KeyId}.");
        }

        counterSessions.EndForKey(request.KeyId!); // a counter page signed in with it stops at its next request
        return true;
    }
}
