using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// A Razor Page takes GET and HEAD and the methods of its handlers (OnPost…), and routing answers any other method
/// with 405 and an Allow header. Razor Pages alone run a page for every method, and for one it has no handler for (TRACE,
/// PATCH, FOO) render it without the handler that loads its data: a 500 on half the site, or a 400 from the antiforgery
/// check for a method that was never going to be accepted.
/// </summary>
internal sealed class PageMethods : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.HandlerType.IsDefined(typeof(AnswersEveryMethodAttribute), inherit: true))
        {
            return;
        }
        var methods = model.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Concat([HttpMethods.Get, HttpMethods.Head]).Distinct().Order();
        model.EndpointMetadata.Add(new HttpMethodMetadata([.. methods]));
    }
}

/// <summary>A page that answers whatever the method: the error page, re-executed under the failed request's own method.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class AnswersEveryMethodAttribute : Attribute;

internal static class ReadEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// A read endpoint: GET, and HEAD with the same headers for clients that check before they fetch (feed readers,
    /// calendar apps, link checkers); MapGet alone answers HEAD with 405. Pages take HEAD already (<see cref="PageMethods"/>).
    /// </summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, Methods, handler);
}
