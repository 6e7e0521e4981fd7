namespace Chorus.Web.Infrastructure;

/// <summary>
/// Marker for the interface strings in Resources/SharedStrings.{culture}.resx. Keys are the English
/// text; SharedStrings.resx lists every key, and a test fails when any culture lacks one.
/// </summary>
internal sealed class SharedStrings;
