using Switchboard.Config.Parsing;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>Applies one option entry to an immutable object and returns the updated object.</summary>
internal delegate T OptionApplier<T>(T target, ConfEntry entry, OptionReader reader);
