using MediatR;
using TraceGateway.Errors;
using TraceGateway.Security;

namespace TraceGateway.Features.RevokeApiKey;

public sealed class RevokeApiKeyHandler(GatewayKeys keys) : IRequestHandler<RevokeApiKeyCommand, bool>
{
    public async Task<bool> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await keys.RevokeAsync(request.KeyId!, cancellationToken) ? true : throw new NotFoundException($"There is no API key {request.KeyId}.");
    }
}
