using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NewsClaims.Web.Features.Errors;

/// <summary>
/// Binds nothing from the request's form. The error page is re-executed with the failed request's method and body: a
/// POST whose form cannot be read (multipart without its boundary) would fail every value provider, leave the status
/// code unbound and turn the 4xx being reported into a 500.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IgnoreRequestFormAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
