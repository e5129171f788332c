namespace TagBot.Core.Tests.Policies;

/// <summary>The specification's policy and roster examples, verbatim (docs/configuration.md shows the same files).</summary>
internal static class SpecSamples
{
    /// <summary>The full <c>.github/tagbot.yml</c>, every key at its default.</summary>
    public const string PolicyFile = """
        roster:
          path: governance/roster.yaml      # roster file edited by roster pull requests
          format: tagbot                    # tagbot (section 3) | cncf-toc (cncf/toc tags.yaml) | markdown-table
          entry: null                       # cncf-toc: the `dir` of the tags.yaml entry to edit, e.g. tag-security
          members_path: null                # cncf-toc, markdown-table: optional tagbot-format file adding people and members
        regions: [APAC, EMEA, Americas]
        roles:
          chair:     { term_months: 24 }
          tech_lead:
            term_months: 24
            seats_per_region: { APAC: 2, EMEA: 2, Americas: 2 }   # maximum seats per region; omit for no cap
            seats: null                                          # alternative: total seats, regions uncapped
            min_per_region: {}                                   # minimum representation, when candidates exist
            max_per_company: null                                # e.g. 2
            max_consecutive_terms: null                          # null: re-election without limit (the seed)
            elections_per_year: 2                                # staggered: each election fills the seats free or expiring before the next one
        voters: [chair, tech_lead, member]   # roster roles whose positions are binding; others are counted as non-binding
        chairs: [chair]                      # roles that may /triage, /decide, /close-election
        proposals:
          label: proposal
          min_discussion_days: 7
          support_required: 2                # binding supports
          objections_block: true
        elections:
          label: nomination
          role: tech_lead                    # role an election issue fills, unless its body says `role: X`
          self_nomination: true
          nominee_must_accept: true
          candidates: [member, tech_lead, chair]   # roster roles a nominee must hold; [anyone] allows all
          support_required: 1                # binding supports a nominee needs to be electable
          objections_veto: false             # true: an open binding objection makes a nominee unelectable
          tie_break: chair                   # chair (a chair resolves with /break-tie) | earliest-nomination
          reviewers: []                      # extra reviewers of roster PRs, users or org/team (e.g. a TOC team)
        labels:                              # names of the labels TagBot manages (created if missing)
          triage: triage-required
          discussion: status/discussion
          blocked: status/blocked
          consensus: status/consensus
          accepted: status/accepted
          rejected: status/rejected
          election_open: election/open
          election_tie: election/tie
          election_closed: election/closed
          roster_pr: roster/pr-open
          roster_updated: roster/updated
        """;

    /// <summary>The example roster in the <c>tagbot</c> format.</summary>
    public const string RosterFile = """
        people:                      # everyone the roster knows; login is case-insensitive
          - github: alice
            name: Alice Example
            company: Example Corp
            region: EMEA
        roles:                       # role id -> seat holders
          chair:
            - { github: eddie, term: { start: 2024-05-01, end: 2026-05-01 } }
          tech_lead:
            - { github: alice, term: { start: 2025-03-01, end: 2027-03-01 } }
          member:                    # active members (voters, candidates); no term
            - { github: carol }
        emeritus:
          - { github: bob, role: tech_lead, term: { start: 2022-03-01, end: 2024-03-01 } }
        """;
}
