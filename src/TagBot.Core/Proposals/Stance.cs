namespace TagBot.Core.Proposals;

public enum Stance
{
    Support,
    Object,
}
