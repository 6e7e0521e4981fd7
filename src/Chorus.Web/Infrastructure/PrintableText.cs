using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Every string sent to the site arrives without control characters (C0 and C1, except tab, line feed and carriage
/// return): form fields, query strings and route values bound by the pages, and the objects read from JSON bodies.
/// XML cannot carry them at all, so one U+0001 pasted into an event title took the event feeds down for every reader;
/// nobody means to type them.
/// </summary>
internal static class PrintableText
{
    private static readonly SearchValues<char> Unwanted = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r'))]);

    /// <summary>The text without its control characters; the same instance when it had none.</summary>
    public static string Clean(string text) =>
        text.AsSpan().ContainsAny(Unwanted) ? string.Concat(text.Where(c => !Unwanted.Contains(c))) : text;

    public static void AddPrintableText(this IHostApplicationBuilder builder)
    {
        builder.Services.PostConfigure<MvcOptions>(o =>
        {
            for (var i = 0; i < o.ModelBinderProviders.Count; i++)
            {
                o.ModelBinderProviders[i] = new StringBinders(o.ModelBinderProviders[i]);
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(CleanAfterReading));
    }

    /// <summary>Wraps whatever binder the framework picks for a string (form, query, route, header, body…) so its value is cleaned.</summary>
    private sealed class StringBinders(IModelBinderProvider inner) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var binder = inner.GetBinder(context);
            return binder is not null && context.Metadata.ModelType == typeof(string) ? new StringBinder(binder) : binder;
        }
    }

    private sealed class StringBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result is { IsModelSet: true, Model: string text } && Clean(text) is var clean && !ReferenceEquals(clean, text))
            {
                context.Result = ModelBindingResult.Success(clean);
                // A form shown again after a validation error shows the cleaned text too.
                if (context.ModelState.ContainsKey(context.ModelName))
                {
                    context.ModelState.SetModelValue(context.ModelName, clean, clean);
                }
            }
        }
    }

    /// <summary>
    /// System.Text.Json refuses a raw control character inside a string but accepts an escaped one (\u0001), so every
    /// object read from a JSON request body has its text properties (and lists of texts) cleaned once it is read. A
    /// converter for string would do it too, but any custom converter turns each string in the OpenAPI document into an
    /// untyped schema.
    /// </summary>
    private static void CleanAfterReading(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var texts = type.Properties.Where(p => p.PropertyType == typeof(string) && p is { Get: not null, Set: not null }).ToArray();
        var lists = type.Properties.Where(p => p.PropertyType.IsAssignableTo(typeof(IList<string>)) && p.Get is not null).ToArray();
        if (texts.Length + lists.Length == 0)
        {
            return;
        }
        var earlier = type.OnDeserialized;
        type.OnDeserialized = o =>
        {
            foreach (var p in texts)
            {
                if (p.Get!(o) is string text)
                {
                    p.Set!(o, Clean(text));
                }
            }
            foreach (var p in lists)
            {
                // An array's items can be replaced although it counts as read-only; a ReadOnlyCollection's cannot.
                if (p.Get!(o) is IList<string> list and (string[] or { IsReadOnly: false }))
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is { } item)
                        {
                            list[i] = Clean(item);
                        }
                    }
                }
            }
            earlier?.Invoke(o);
        };
    }
}
