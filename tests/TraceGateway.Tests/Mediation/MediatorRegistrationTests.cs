using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TraceGateway.Mediation;

namespace TraceGateway.Tests.Mediation;

public sealed class MediatorRegistrationTests
{
    public static TheoryData<Type> RequestTypes() => [.. MediatorRegistration.RequestTypes(typeof(MediatorRegistration).Assembly)];

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void EveryRequest_HasOneHandlerAndAValidator(Type request)
    {
        var services = new ServiceCollection().AddGatewayMediator();
        var response = request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
        Assert.Single(services, d => d.ServiceType == typeof(IRequestHandler<,>).MakeGenericType(request, response));
        Assert.Contains(services, d => d.ServiceType == typeof(IValidator<>).MakeGenericType(request));
    }

    [Fact]
    public void Registration_FindsTheUseCases()
    {
        Assert.True(RequestTypes().Count >= 13);
    }
}
