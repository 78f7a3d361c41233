namespace Switchboard.Media.Players;

/// <summary>A fixed list of clips, played once or looped.</summary>
internal sealed class AudioClipList : IAudioClipSource
{
    private readonly IReadOnlyList<AudioClip> _clips;
    private readonly bool _loop;
    private int _index;

    public AudioClipList(IReadOnlyList<AudioClip> clips, bool loop)
    {
        _clips = clips;
        bool hasAudio = false;
        foreach (var c in clips)
        {
            hasAudio |= c.Samples.Length > 0;
        }

        _loop = loop && hasAudio;
    }

    public AudioClip? Next()
    {
        if (_index >= _clips.Count)
        {
            if (!_loop)
            {
                return null;
            }

            _index = 0;
        }

        return _clips[_index++];
    }
}
