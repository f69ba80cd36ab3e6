using MediatR;
using TraceGateway.Security;

namespace TraceGateway.Features.CreateApiKey;

public sealed class CreateApiKeyHandler(GatewayKeys keys) : IRequestHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async Task<CreatedApiKey> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.CreateAsync(new ApiKeyOwner(request.Role!, request.Subject!), cancellationToken);
        return new CreatedApiKey(GatewayKeys.KeyIdOf(key), key, request.Role!, request.Subject!);
    }
}
