using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// How every feature declares its settings: bound from one configuration section, defaults in the options
/// class itself (so the app starts the same from any working directory, with or without appsettings.json),
/// and validated when the app starts, each problem naming the setting as an operator writes it
/// ("Accounts:MaxFailedSignIns: …", or Accounts__MaxFailedSignIns in the environment).
/// </summary>
internal static class Settings
{
    /// <summary>
    /// Settings that are not options classes (log levels) get their defaults here, as the lowest-priority configuration
    /// source: appsettings.json and the environment still override them, and a site started without appsettings.json
    /// does not log every SQL statement.
    /// </summary>
    public static void AddDefaultSettings(this IHostApplicationBuilder builder) =>
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            },
        });

    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Checks every setting as soon as the app is built, before it runs a command, migrates or seeds the database:
    /// ValidateOnStart alone checks them when the server starts, after a wrong setting could already have been used.
    /// </summary>
    public static void ValidateSettings(this WebApplication app) => app.Services.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>
    /// Data annotations checked on the options and on the items of their lists (a provider in a list of
    /// providers), each failure named by its configuration path. The framework's ValidateDataAnnotations
    /// names only the property and does not look inside lists.
    /// </summary>
    private sealed class SettingsValidator<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            Check(options, section, failures);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static void Check(object value, string path, List<string> failures)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
            foreach (var result in results)
            {
                var members = result.MemberNames.Any() ? result.MemberNames : [""];
                failures.AddRange(members.Select(m => $"{path}{(m.Length > 0 ? ":" + m : "")}: {result.ErrorMessage}"));
            }
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                    || property.GetIndexParameters().Length > 0 || property.GetValue(value) is not IEnumerable items)
                {
                    continue;
                }
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && item.GetType().IsClass && item is not string)
                    {
                        Check(item, $"{path}:{property.Name}:{index}", failures);
                    }
                    index++;
                }
            }
        }
    }
}
