namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// A URL a resource hands out or calls back on (the checkout link, the webhook target) but does not need in order to
/// run. Unlike an endpoint reference it is no dependency: <c>--only payment</c> does not pull in the BFF, and when the
/// target is not started the variable is simply left unset.
/// </summary>
public static class CallbackUrls
{
    public static IResourceBuilder<T> WithCallbackUrl<T>(
        this IResourceBuilder<T> resource, string variable, IResourceBuilder<ProjectResource> target, string path = "")
        where T : IResourceWithEnvironment =>
        resource.WithEnvironment(context =>
        {
            if (resource.ApplicationBuilder.Resources.Contains(target.Resource))
            {
                context.EnvironmentVariables[variable] = ReferenceExpression.Create($"{target.GetEndpoint("http")}{path}");
            }
        });
}
