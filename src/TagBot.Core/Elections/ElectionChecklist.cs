namespace TagBot.Core.Elections;

/// <summary>
/// What an election still needs, as the status comment's "Still missing" list: while open, the
/// nominations, consents, supports and seats that are short, then the close; while tied, the picks.
/// </summary>
public static class ElectionChecklist
{
    public static IReadOnlyList<string> Missing(
        ElectionStage stage,
        IReadOnlyList<NomineeRow> rows,
        SeatsUp? seatsUp,
        SeatAllocation? provisional,
        ElectionOutcome? outcome)
    {
        var missing = new List<string>();
        if (stage == ElectionStage.Tie && outcome is not null)
        {
            foreach (var tie in outcome.Allocation.Ties.Where(t => !t.Resolved))
            {
                missing.Add($"a chair to break the tie between {ElectionText.Mentions(tie.Nominees)} for {ElectionText.Seats(tie.Seats)}: "
                    + $"`/break-tie @{tie.Nominees[0]}` (or another of them)");
            }
        }

        if (stage != ElectionStage.Open)
        {
            return missing;
        }

        if (rows.Count == 0)
        {
            missing.Add("nominations: comment `/nominate` to stand, or `/nominate @user` to nominate someone");
        }

        foreach (var row in rows.Where(r => !r.Electable && r.Nomination.Consent != Consent.Declined))
        {
            missing.Add($"@{row.Nominee}: {string.Join("; ", row.Missing.Select(m => m == "not accepted yet" ? "to accept (`/accept`)" : m))}");
        }

        if (seatsUp is not null)
        {
            foreach (var region in seatsUp.Regions.Where(r => r.Up > 0))
            {
                var electable = rows.Count(r => r.Electable && r.Nomination.Region == region.Region);
                if (electable < region.Up)
                {
                    missing.Add($"{region.Region}: {ElectionText.Seats(region.Up!.Value)} up, {Electable(electable)}");
                }
            }

            if (seatsUp.TotalUp is { } total && rows.Count(r => r.Electable) < total)
            {
                missing.Add($"{ElectionText.Seats(total)} up, {Electable(rows.Count(r => r.Electable))}");
            }
        }

        foreach (var unmet in provisional?.UnmetMinimums ?? [])
        {
            missing.Add($"{unmet.Region}'s minimum of {unmet.Minimum} ({unmet.Why})");
        }

        missing.Add("a chair to close the election with `/close-election`");
        return missing;
    }

    private static string Electable(int n) => n switch
    {
        0 => "no electable nominee yet",
        1 => "1 electable nominee",
        _ => $"{n} electable nominees",
    };
}
