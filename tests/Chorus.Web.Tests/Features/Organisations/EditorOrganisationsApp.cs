using Chorus.Web.Features.Accounts;
using Chorus.Web.Tests.Features.Accounts;

namespace Chorus.Web.Tests.Features.Organisations;

/// <summary>An empty site with an editor signed in through the real forms.</summary>
public class EditorOrganisationsApp : EmptyChorusFactory
{
    public HttpClient Editor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "editor@crossroads.test");
    }
}
