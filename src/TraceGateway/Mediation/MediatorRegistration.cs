using System.Reflection;
using FluentValidation;
using MediatR;

namespace TraceGateway.Mediation;

/// <summary>
/// Hand-wired MediatR 5 and FluentValidation registration (their DI extension packages are not served here):
/// every request handler and validator in this assembly, the mediator over the container, and the validation behaviour.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddGatewayMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        foreach (var type in typeof(MediatorRegistration).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(IsHandlerOrValidator))
            {
                // Validators hold only their rules and are thread-safe once built; building one per request showed
                // in the verify profile, so each is built once.
                if (contract.GetGenericTypeDefinition() == typeof(IValidator<>))
                {
                    services.AddSingleton(contract, type);
                }
                else
                {
                    services.AddScoped(contract, type);
                }
            }
        }

        return services;
    }

    private static bool IsHandlerOrValidator(Type contract) =>
        contract.IsGenericType && contract.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IRequestHandler<,>) || definition == typeof(IValidator<>));

    /// <summary>The types registered, for tests that check every request has a handler and a validator.</summary>
    internal static IEnumerable<Type> RequestTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));
}
