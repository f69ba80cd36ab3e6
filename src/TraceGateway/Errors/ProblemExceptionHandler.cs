using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Errors;

/// <summary>
/// The one place exceptions become RFC 9457 problem+json. Messages of expected failures (validation, refusals, not
/// found) go to the client; anything unexpected is logged and answered with a generic 500, never a stack trace.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors
                    .GroupBy(e => Camel(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid",
            },
            LedgerRefusedException r => Problem(StatusCodes.Status400BadRequest, "Refused by the ledger", r.Message),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found", n.Message),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, "Forbidden", f.Message),
            BadHttpRequestException b => Problem(b.StatusCode, "Bad request", b.Message),
            LedgerUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "Ledger unavailable", "The ledger cannot be reached; try again later."),
            _ => Problem(StatusCodes.Status500InternalServerError, "Internal error", "The request failed; the error was logged."),
        };
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
