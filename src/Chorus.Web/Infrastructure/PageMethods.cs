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
