/**
 * Schema migrations of the local store, applied in order and recorded in
 * schema_migrations. Never edit a released step: add the next one.
 * Every index here serves a query of sqlite-store.ts (named beside it).
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE stations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('liaison_station', 'reception_point')),
        setting TEXT NOT NULL,
        address TEXT NOT NULL,
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        phone TEXT NOT NULL,
        districts TEXT NOT NULL,
        odd_month_day INTEGER NOT NULL CHECK (odd_month_day BETWEEN 1 AND 31),
        even_month_day INTEGER NOT NULL CHECK (even_month_day BETWEEN 1 AND 31),
        reception_start TEXT NOT NULL,
        reception_end TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      -- listStations: ORDER BY sort_order
      CREATE INDEX stations_sort ON stations (sort_order, id);

      CREATE TABLE deputies (
        id TEXT PRIMARY KEY,
        station_id TEXT NOT NULL REFERENCES stations (id),
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        focus_categories TEXT NOT NULL,
        active INTEGER NOT NULL
      );
      -- listDeputies(stationIds): WHERE station_id IN (...)
      CREATE INDEX deputies_station ON deputies (station_id, id);

      CREATE TABLE session_overrides (
        station_id TEXT NOT NULL REFERENCES stations (id),
        month TEXT NOT NULL,
        cancelled INTEGER NOT NULL DEFAULT 0,
        moved_to TEXT,
        reason TEXT,
        theme TEXT,
        deputy_ids TEXT,
        start_time TEXT,
        end_time TEXT,
        -- listSessionOverrides: WHERE station_id IN (...) AND month >= ?
        PRIMARY KEY (station_id, month)
      );

      CREATE TABLE holiday_arrangements (
        year INTEGER PRIMARY KEY,
        holidays TEXT NOT NULL,
        workdays TEXT NOT NULL
      );

      CREATE TABLE accounts (
        openid TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('voter', 'deputy', 'staff', 'admin')),
        station_id TEXT,
        deputy_id TEXT,
        display_name TEXT,
        created_at INTEGER NOT NULL
      );
      -- one account per deputy record
      CREATE UNIQUE INDEX accounts_deputy ON accounts (deputy_id) WHERE deputy_id IS NOT NULL;

      CREATE TABLE invites (
        code TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('deputy', 'staff')),
        station_id TEXT NOT NULL,
        deputy_id TEXT,
        display_name TEXT,
        expires_at INTEGER NOT NULL,
        issued_by TEXT NOT NULL,
        used_by TEXT,
        used_at INTEGER
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        detail TEXT
      );
      -- listAudit: WHERE target_type = ? AND target_id = ? ORDER BY id
      CREATE INDEX audit_target ON audit_log (target_type, target_id, id);

      CREATE TABLE markers (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- An opinion: the columns every query filters or sorts on, and the whole opinion as JSON.
      CREATE TABLE opinions (
        id TEXT PRIMARY KEY,
        station_id TEXT NOT NULL REFERENCES stations (id),
        author_openid TEXT NOT NULL,
        submitted_by TEXT NOT NULL,
        request_id TEXT NOT NULL,
        claim_code TEXT,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        assigned_deputy_id TEXT,
        reply_due_date TEXT,
        staff_review INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      -- createOpinion: idempotency of (submitter, requestId)
      CREATE UNIQUE INDEX opinions_request ON opinions (submitted_by, request_id);
      -- getOpinionByClaimCode
      CREATE UNIQUE INDEX opinions_claim ON opinions (claim_code) WHERE claim_code IS NOT NULL;
      -- listOpinions by voter / deputy / station, newest first
      CREATE INDEX opinions_author ON opinions (author_openid, created_at DESC, id DESC);
      CREATE INDEX opinions_deputy ON opinions (assigned_deputy_id, status, created_at DESC, id DESC);
      CREATE INDEX opinions_station ON opinions (station_id, status, created_at DESC, id DESC);

      CREATE TABLE opinion_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        opinion_id TEXT NOT NULL REFERENCES opinions (id),
        at INTEGER NOT NULL,
        actor_role TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        visibility TEXT NOT NULL CHECK (visibility IN ('public', 'internal'))
      );
      -- listTimeline
      CREATE INDEX opinion_events_opinion ON opinion_events (opinion_id, id);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        recipient_openid TEXT NOT NULL,
        opinion_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'gave_up')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT
      );
      -- listDueOutbox
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
    `,
  },
  {
    version: 3,
    sql: `
      -- listStaffAccounts: WHERE station_id = ? AND role = 'staff'
      CREATE INDEX accounts_station_role ON accounts (station_id, role);
    `,
  },
  {
    version: 4,
    sql: `
      -- createOpinion quotas (per caller and day), counted inside the creating transaction
      CREATE TABLE quotas (
        key TEXT PRIMARY KEY,
        used INTEGER NOT NULL
      );
      -- inbox "all" of a deputy / a station / everything, newest first, without a sort step
      CREATE INDEX opinions_deputy_created ON opinions (assigned_deputy_id, created_at DESC, id DESC);
      CREATE INDEX opinions_station_created ON opinions (station_id, created_at DESC, id DESC);
      CREATE INDEX opinions_created ON opinions (created_at DESC, id DESC);
      -- countOpenByDeputy (routing) reads only this index
      CREATE INDEX opinions_open_by_deputy ON opinions (station_id, status, assigned_deputy_id);
      -- overdue / due-soon filters: open opinions by due date
      CREATE INDEX opinions_station_due ON opinions (station_id, status, reply_due_date);
      CREATE INDEX opinions_due ON opinions (status, reply_due_date);

      -- photos waiting for WeChat's asynchronous image check, by the trace id its result quotes
      CREATE TABLE media_checks (
        trace_id TEXT PRIMARY KEY,
        opinion_id TEXT NOT NULL REFERENCES opinions (id),
        file_id TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    sql: `
      -- The report's figures (src/domain/figures.ts, figureFields): what each opinion adds up to,
      -- kept beside the JSON by every write so that reports.stats is one SUM(CASE …) over columns.
      ALTER TABLE opinions ADD COLUMN category TEXT;
      ALTER TABLE opinions ADD COLUMN created_month TEXT;
      ALTER TABLE opinions ADD COLUMN replied_at INTEGER;
      ALTER TABLE opinions ADD COLUMN replied_on_time INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE opinions ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE opinions ADD COLUMN satisfaction TEXT;
      -- the opinions written before: the same rules as figureFields, read from the JSON
      UPDATE opinions SET
        category = json_extract(doc, '$.category'),
        created_month = strftime('%Y-%m', (created_at + 28800000) / 1000, 'unixepoch'),
        replied_at = json_extract(doc, '$.reply.at'),
        replied_on_time = CASE
          WHEN json_extract(doc, '$.reply.at') IS NULL THEN 0
          WHEN json_extract(doc, '$.replyDueDate') IS NULL THEN 1
          WHEN date((json_extract(doc, '$.reply.at') + 28800000) / 1000, 'unixepoch')
            <= json_extract(doc, '$.replyDueDate') THEN 1
          ELSE 0
        END,
        resolved = CASE
          WHEN status IN ('resolved', 'closed') OR json_type(doc, '$.resolution') IS NOT NULL THEN 1
          ELSE 0
        END,
        satisfaction = json_extract(doc, '$.rating.satisfaction');
      -- countFigures of everything (the committee's report): the period's index entries carry
      -- every column the sums read, so no row (and no JSON) is visited
      CREATE INDEX opinions_figures ON opinions (created_at, status, station_id, assigned_deputy_id, category,
        created_month, reply_due_date, replied_at, replied_on_time, resolved, satisfaction);
      -- countFigures of one category; one station / one deputy use opinions_station_created / opinions_deputy_created
      CREATE INDEX opinions_category_created ON opinions (category, created_at);
    `,
  },
  {
    version: 6,
    sql: `
      -- voters following a station's reception days
      CREATE TABLE station_follows (
        openid TEXT NOT NULL,
        station_id TEXT NOT NULL REFERENCES stations (id),
        since INTEGER NOT NULL,
        PRIMARY KEY (openid, station_id)
      );
      -- listFollowers
      CREATE INDEX station_follows_station ON station_follows (station_id, openid);
      -- enqueueOnce: a reminder is queued once per key
      ALTER TABLE outbox ADD COLUMN dedupe_key TEXT;
      CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
    `,
  },
  {
    version: 7,
    sql: `
      -- 代表述职评议: the 选区 a deputy was elected in, rounds, ratings, and voters' declared 选区
      ALTER TABLE deputies ADD COLUMN district TEXT;
      CREATE TABLE evaluation_rounds (
        id TEXT PRIMARY KEY,
        district TEXT NOT NULL,
        opens_on TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      -- listRounds: ORDER BY opens_on DESC
      CREATE INDEX evaluation_rounds_opens ON evaluation_rounds (opens_on DESC, id);
      CREATE TABLE deputy_evaluations (
        round_id TEXT NOT NULL REFERENCES evaluation_rounds (id),
        deputy_id TEXT NOT NULL REFERENCES deputies (id),
        voter_openid TEXT NOT NULL,
        satisfaction TEXT NOT NULL CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
        comment TEXT,
        at INTEGER NOT NULL,
        -- addEvaluation: once per voter, deputy and round; countEvaluations: WHERE round_id = ?
        PRIMARY KEY (round_id, deputy_id, voter_openid)
      );
      -- listEvaluationsByVoter
      CREATE INDEX deputy_evaluations_voter ON deputy_evaluations (voter_openid, round_id);
      CREATE TABLE voter_districts (
        openid TEXT PRIMARY KEY,
        district TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 8,
    sql: `
      -- The outbox may now record that a message was not sent to WeChat because its recipient
      -- holds no acceptance of its template (not_subscribed): SQLite cannot change a CHECK, so
      -- the table is rebuilt with its rows and indexes.
      CREATE TABLE outbox_v8 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        recipient_openid TEXT NOT NULL,
        opinion_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'gave_up', 'not_subscribed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        dedupe_key TEXT
      );
      INSERT INTO outbox_v8 SELECT id, kind, recipient_openid, opinion_id, payload, created_at, status, attempts,
        next_attempt_at, last_error, dedupe_key FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_v8 RENAME TO outbox;
      -- listDueOutbox
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
      -- enqueueOnce
      CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
      -- listMessages, countMessagesSince: one person's messages, newest first
      CREATE INDEX outbox_recipient ON outbox (recipient_openid, created_at DESC, id DESC);
      -- when each person last read their messages
      CREATE TABLE message_reads (
        openid TEXT PRIMARY KEY,
        read_at INTEGER NOT NULL
      );
      -- WeChat one-time subscription acceptances not yet spent, per person and template
      CREATE TABLE subscription_credits (
        openid TEXT NOT NULL,
        template_id TEXT NOT NULL,
        credits INTEGER NOT NULL CHECK (credits >= 0),
        PRIMARY KEY (openid, template_id)
      );
    `,
  },
  {
    version: 9,
    sql: `
      -- A deputy has one live invite: a newer one revokes the older ones still unused.
      ALTER TABLE invites ADD COLUMN revoked_at INTEGER;
      -- putInvite: the unused invites of a deputy
      CREATE INDEX invites_deputy ON invites (deputy_id) WHERE deputy_id IS NOT NULL;
    `,
  },
  {
    version: 10,
    sql: `
      -- Files generated for one caller (exports, annual reports), deleted from storage once expired.
      CREATE TABLE generated_files (
        file_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        owner TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      -- listExpiredFiles
      CREATE INDEX generated_files_expiry ON generated_files (expires_at, file_id);
    `,
  },
  {
    version: 11,
    sql: `
      -- 代表述职评议 as a ballot box: who rated a deputy is kept apart from what was answered, with
      -- no key, id, order or time linking the two. WITHOUT ROWID: no hidden rowid in insertion
      -- order; the tables are stored in the order of their keys.
      CREATE TABLE evaluation_participants (
        round_id TEXT NOT NULL REFERENCES evaluation_rounds (id),
        deputy_id TEXT NOT NULL REFERENCES deputies (id),
        voter_openid TEXT NOT NULL,
        -- addEvaluation: once per voter, deputy and round; countEvaluators: WHERE round_id = ?
        PRIMARY KEY (round_id, deputy_id, voter_openid)
      ) WITHOUT ROWID;
      -- listParticipationsByVoter
      CREATE INDEX evaluation_participants_voter ON evaluation_participants (voter_openid, round_id, deputy_id);
      -- The answers: a random id, no voter and no time; listed by id, an order unrelated to arrival.
      CREATE TABLE evaluation_answers (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES evaluation_rounds (id),
        deputy_id TEXT NOT NULL REFERENCES deputies (id),
        satisfaction TEXT NOT NULL CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
        comment TEXT
      ) WITHOUT ROWID;
      -- countEvaluations, listEvaluationComments
      CREATE INDEX evaluation_answers_round ON evaluation_answers (round_id, deputy_id, id);
      INSERT INTO evaluation_participants (round_id, deputy_id, voter_openid)
        SELECT round_id, deputy_id, voter_openid FROM deputy_evaluations;
      INSERT INTO evaluation_answers (id, round_id, deputy_id, satisfaction, comment)
        SELECT lower(hex(randomblob(16))), round_id, deputy_id, satisfaction, comment FROM deputy_evaluations;
      -- the old rows held the voter beside the answer and its time (overwritten: secure_delete)
      DROP TABLE deputy_evaluations;
    `,
  },
  {
    version: 12,
    sql: `
      -- When an opinion holding a contact ended (closed, rejected, withdrawn): the retention job
      -- erases the contact a set time after it (src/domain/personal-data.ts). NULL while it is in
      -- handling or has no contact. Opinions that ended before this version are given theirs here.
      ALTER TABLE opinions ADD COLUMN contact_ended_at INTEGER;
      UPDATE opinions SET contact_ended_at = json_extract(doc, '$.updatedAt')
        WHERE status IN ('closed', 'rejected', 'withdrawn') AND json_extract(doc, '$.contact') IS NOT NULL;
      -- listContactsEndedBefore
      CREATE INDEX opinions_contact_ended ON opinions (contact_ended_at, id) WHERE contact_ended_at IS NOT NULL;
    `,
  },
  {
    version: 13,
    sql: `
      -- 附议: one row per voter supporting an opinion, apart from the opinion's row (which is
      -- replaced whole under its version check); the primary key makes a second one impossible.
      CREATE TABLE opinion_supports (
        opinion_id TEXT NOT NULL REFERENCES opinions (id),
        openid TEXT NOT NULL,
        at INTEGER NOT NULL,
        -- addSupport, isSupporting; countSupports: WHERE opinion_id IN (...) GROUP BY opinion_id
        PRIMARY KEY (opinion_id, openid)
      );
      -- listSupportedOpinions (我的意见: the latest 附议 first), listSupportedAmong, eraseVoterRecords
      CREATE INDEX opinion_supports_openid ON opinion_supports (openid, at DESC, opinion_id DESC);
      -- listSupporters: earliest first (who is told of a reply)
      CREATE INDEX opinion_supports_opinion_at ON opinion_supports (opinion_id, at, openid);
      -- listOpinionsOfCategory (similar opinions): a station's open opinions of one category, newest first
      CREATE INDEX opinions_station_category ON opinions (station_id, category, status, created_at DESC, id DESC);
    `,
  },
  {
    version: 14,
    sql: `
      -- 承办单位 and their contacts: accounts and invites may now have the role 'unit' and name
      -- their unit. SQLite cannot change a CHECK, so both tables are rebuilt with their rows and indexes.
      CREATE TABLE accounts_v14 (
        openid TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('voter', 'deputy', 'staff', 'admin', 'unit')),
        station_id TEXT,
        deputy_id TEXT,
        unit_id TEXT,
        display_name TEXT,
        created_at INTEGER NOT NULL
      );
      INSERT INTO accounts_v14 (openid, role, station_id, deputy_id, display_name, created_at)
        SELECT openid, role, station_id, deputy_id, display_name, created_at FROM accounts;
      DROP TABLE accounts;
      ALTER TABLE accounts_v14 RENAME TO accounts;
      -- one account per deputy record
      CREATE UNIQUE INDEX accounts_deputy ON accounts (deputy_id) WHERE deputy_id IS NOT NULL;
      -- listStaffAccounts: WHERE station_id = ? AND role = 'staff'
      CREATE INDEX accounts_station_role ON accounts (station_id, role);
      -- listUnitAccounts: WHERE unit_id = ? AND role = 'unit' ORDER BY openid
      CREATE INDEX accounts_unit_role ON accounts (unit_id, role, openid) WHERE unit_id IS NOT NULL;

      CREATE TABLE invites_v14 (
        code TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('deputy', 'staff', 'unit')),
        station_id TEXT NOT NULL,
        deputy_id TEXT,
        unit_id TEXT,
        display_name TEXT,
        expires_at INTEGER NOT NULL,
        issued_by TEXT NOT NULL,
        used_by TEXT,
        used_at INTEGER,
        revoked_at INTEGER
      );
      INSERT INTO invites_v14 (code, role, station_id, deputy_id, display_name, expires_at, issued_by, used_by,
        used_at, revoked_at)
        SELECT code, role, station_id, deputy_id, display_name, expires_at, issued_by, used_by, used_at, revoked_at
        FROM invites;
      DROP TABLE invites;
      ALTER TABLE invites_v14 RENAME TO invites;
      -- putInvite: the unused invites of a deputy
      CREATE INDEX invites_deputy ON invites (deputy_id) WHERE deputy_id IS NOT NULL;

      CREATE TABLE handling_units (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        active INTEGER NOT NULL,
        sort_order INTEGER NOT NULL
      );
      -- listHandlingUnits: ORDER BY sort_order, id
      CREATE INDEX handling_units_sort ON handling_units (sort_order, id);

      -- 代表建议: the whole 建议 as JSON, and its facts (src/domain/suggestion-figures.ts,
      -- suggestionFacts) as columns, rewritten with every write, for the lists and the figures.
      CREATE TABLE suggestions (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        lead_deputy_id TEXT NOT NULL,
        lead_unit_id TEXT,
        submitted_at INTEGER,
        assigned_at INTEGER,
        due_date TEXT,
        answered_at INTEGER,
        answered_on_time INTEGER,
        days_to_answer INTEGER,
        answer_class TEXT CHECK (answer_class IN ('A', 'B', 'C')),
        satisfaction TEXT CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
        supervised_count INTEGER NOT NULL
      );
      -- listSuggestions of the committee (every 建议), newest change first
      CREATE INDEX suggestions_updated ON suggestions (updated_at DESC, id DESC);
      -- listSuggestions by statuses (the committee's 待交办, 退回 to rule on …)
      CREATE INDEX suggestions_status_updated ON suggestions (status, updated_at DESC, id DESC);
      -- listSuggestionsDue: WHERE due_date <= ? ORDER BY due_date, id
      CREATE INDEX suggestions_due ON suggestions (due_date, id) WHERE due_date IS NOT NULL;
      -- countSuggestionsByStatus: the period's index entries carry the status
      CREATE INDEX suggestions_submitted ON suggestions (submitted_at, status) WHERE submitted_at IS NOT NULL;
      -- countSuggestionsByUnit, countAnswerDays: the period's index entries carry every column counted
      CREATE INDEX suggestions_assigned ON suggestions (assigned_at, lead_unit_id, answered_at, answered_on_time,
        answer_class, satisfaction, supervised_count, days_to_answer) WHERE assigned_at IS NOT NULL;

      -- Whose box a 建议 is in: every signer (领衔 and 附议), every unit (主办 and 协办).
      CREATE TABLE suggestion_deputies (
        suggestion_id TEXT NOT NULL REFERENCES suggestions (id),
        deputy_id TEXT NOT NULL,
        -- rewritten with the 建议: DELETE WHERE suggestion_id = ?
        PRIMARY KEY (suggestion_id, deputy_id)
      ) WITHOUT ROWID;
      -- listSuggestions({ deputyId })
      CREATE INDEX suggestion_deputies_deputy ON suggestion_deputies (deputy_id, suggestion_id);
      CREATE TABLE suggestion_units (
        suggestion_id TEXT NOT NULL REFERENCES suggestions (id),
        unit_id TEXT NOT NULL,
        -- rewritten with the 建议: DELETE WHERE suggestion_id = ?
        PRIMARY KEY (suggestion_id, unit_id)
      ) WITHOUT ROWID;
      -- listSuggestions({ unitId })
      CREATE INDEX suggestion_units_unit ON suggestion_units (unit_id, suggestion_id);
      -- One row per 退回 asked, with the 建议's submission time (the period the figures count it in).
      CREATE TABLE suggestion_returns (
        suggestion_id TEXT NOT NULL REFERENCES suggestions (id),
        seq INTEGER NOT NULL,
        unit_id TEXT NOT NULL,
        submitted_at INTEGER,
        -- rewritten with the 建议: DELETE WHERE suggestion_id = ?
        PRIMARY KEY (suggestion_id, seq)
      ) WITHOUT ROWID;
      -- countSuggestionReturns: WHERE submitted_at in the period GROUP BY unit_id
      CREATE INDEX suggestion_returns_submitted ON suggestion_returns (submitted_at, unit_id);
    `,
  },
  {
    version: 15,
    sql: `
      -- 人大小组: the group as JSON (its members and 组长 inside), and its place in the list.
      CREATE TABLE deputy_groups (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      -- listGroups: ORDER BY sort_order, id
      CREATE INDEX deputy_groups_sort ON deputy_groups (sort_order, id);

      -- 履职活动: the whole activity as JSON, and its facts as columns, rewritten with every
      -- write (no CHECK on kind, status or attendance: a new one needs no rebuild of the table, as
      -- migration 14 needed for a role). counts is activityCounts (src/domain/activity.ts): 1 when
      -- recorded, or a deputy's visit staff confirmed; the figures read only those rows.
      CREATE TABLE activities (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL,
        version INTEGER NOT NULL,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        scope TEXT NOT NULL,
        group_id TEXT,
        station_id TEXT,
        status TEXT NOT NULL,
        counts INTEGER NOT NULL CHECK (counts IN (0, 1)),
        voters_visited INTEGER,
        updated_at INTEGER NOT NULL
      );
      -- listActivities of a period (or of all time): latest date first, then id
      CREATE INDEX activities_date ON activities (date DESC, id DESC);
      -- listActivities({ kind })
      CREATE INDEX activities_kind_date ON activities (kind, date DESC, id DESC);
      -- listActivities({ groupId })
      CREATE INDEX activities_group_date ON activities (group_id, date DESC, id DESC) WHERE group_id IS NOT NULL;
      -- listActivities({ stationId, statuses }): a station's visits awaiting its staff
      CREATE INDEX activities_station_status_date ON activities (station_id, status, date DESC, id DESC)
        WHERE station_id IS NOT NULL;
      -- countActivitiesByKind, countActivitiesByGroup, countVotersVisited (total): the period's
      -- entries of the activities that count carry every column counted
      CREATE INDEX activities_counting ON activities (date, kind, group_id, voters_visited) WHERE counts = 1;
      -- countActivitiesByKind(from, to, groupId): one group's activities that count
      CREATE INDEX activities_group_counting ON activities (group_id, date, kind) WHERE counts = 1;

      -- Who was invited to each activity and how they attended, with the activity's facts the
      -- counts need, rewritten with the activity (the counts by deputy are made here).
      CREATE TABLE activity_attendees (
        activity_id TEXT NOT NULL REFERENCES activities (id),
        deputy_id TEXT NOT NULL,
        attendance TEXT NOT NULL,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        counts INTEGER NOT NULL CHECK (counts IN (0, 1)),
        voters_visited INTEGER,
        -- rewritten with the activity: DELETE WHERE activity_id = ?
        PRIMARY KEY (activity_id, deputy_id)
      ) WITHOUT ROWID;
      -- listActivities({ deputyId }); countAttendance(from, to, deputyIds): the deputies' entries
      -- of the period carry every column counted
      CREATE INDEX activity_attendees_deputy ON activity_attendees (deputy_id, date, counts, kind, attendance);
      -- countAttendance(from, to) of every deputy, countVotersVisited (by deputy present)
      CREATE INDEX activity_attendees_counting ON activity_attendees (date, deputy_id, kind, attendance, voters_visited)
        WHERE counts = 1;

      -- countSuggestionsOfDeputy (led): a deputy's 建议 submitted in the period, by status
      CREATE INDEX suggestions_lead_submitted ON suggestions (lead_deputy_id, submitted_at, status)
        WHERE submitted_at IS NOT NULL;
    `,
  },
  {
    version: 16,
    sql: `
      -- Counters beside the opinions (src/domain/figure-counters.ts), so that reports.stats and
      -- routing read a few rows instead of counting every opinion of the years.
      -- What the opinions of one creation month, station, deputy ('' for none) and category add up
      -- to (figureContribution): reports.stats sums a period's whole months from here.
      CREATE TABLE figure_counters (
        month TEXT NOT NULL,
        station_id TEXT NOT NULL,
        deputy_id TEXT NOT NULL,
        category TEXT NOT NULL,
        collected INTEGER NOT NULL DEFAULT 0,
        replied INTEGER NOT NULL DEFAULT 0,
        on_time INTEGER NOT NULL DEFAULT 0,
        resolved INTEGER NOT NULL DEFAULT 0,
        rated_satisfied INTEGER NOT NULL DEFAULT 0,
        rated_basically_satisfied INTEGER NOT NULL DEFAULT 0,
        rated_dissatisfied INTEGER NOT NULL DEFAULT 0,
        -- the counters of a period: WHERE month BETWEEN ? AND ?
        PRIMARY KEY (month, station_id, deputy_id, category)
      ) WITHOUT ROWID;
      -- the counters of a period for one station / one deputy / one category
      CREATE INDEX figure_counters_station ON figure_counters (station_id, month);
      CREATE INDEX figure_counters_deputy ON figure_counters (deputy_id, month);
      CREATE INDEX figure_counters_category ON figure_counters (category, month);

      -- Open (assigned or transferred) opinions per deputy of a station (openCaseOf):
      -- countOpenByDeputy reads WHERE station_id = ?
      CREATE TABLE open_case_counters (
        station_id TEXT NOT NULL,
        deputy_id TEXT NOT NULL,
        open INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (station_id, deputy_id)
      ) WITHOUT ROWID;

      -- The counters move with every write of an opinion row, in its transaction, whatever wrote
      -- it (the store, a bulk load): its old contribution is taken away and its new one added.
      -- The rules are figureContribution's and openCaseOf's over the figure columns of migration 5
      -- (which figureFields fills): withdrawn is not collected; open is assigned or transferred
      -- with a deputy.
      CREATE TRIGGER opinions_figures_insert AFTER INSERT ON opinions WHEN NEW.status <> 'withdrawn'
      BEGIN
        INSERT INTO figure_counters VALUES (NEW.created_month, NEW.station_id, COALESCE(NEW.assigned_deputy_id, ''),
          NEW.category, 1, NEW.replied_at IS NOT NULL, NEW.replied_on_time, NEW.resolved,
          NEW.satisfaction IS 'satisfied', NEW.satisfaction IS 'basically_satisfied', NEW.satisfaction IS 'dissatisfied')
        ON CONFLICT DO UPDATE SET collected = collected + excluded.collected, replied = replied + excluded.replied,
          on_time = on_time + excluded.on_time, resolved = resolved + excluded.resolved,
          rated_satisfied = rated_satisfied + excluded.rated_satisfied,
          rated_basically_satisfied = rated_basically_satisfied + excluded.rated_basically_satisfied,
          rated_dissatisfied = rated_dissatisfied + excluded.rated_dissatisfied;
      END;
      CREATE TRIGGER opinions_figures_delete AFTER DELETE ON opinions WHEN OLD.status <> 'withdrawn'
      BEGIN
        UPDATE figure_counters SET collected = collected - 1, replied = replied - (OLD.replied_at IS NOT NULL),
          on_time = on_time - OLD.replied_on_time, resolved = resolved - OLD.resolved,
          rated_satisfied = rated_satisfied - (OLD.satisfaction IS 'satisfied'),
          rated_basically_satisfied = rated_basically_satisfied - (OLD.satisfaction IS 'basically_satisfied'),
          rated_dissatisfied = rated_dissatisfied - (OLD.satisfaction IS 'dissatisfied')
        WHERE month = OLD.created_month AND station_id = OLD.station_id
          AND deputy_id = COALESCE(OLD.assigned_deputy_id, '') AND category = OLD.category;
      END;
      CREATE TRIGGER opinions_figures_update AFTER UPDATE ON opinions
      WHEN (OLD.status = 'withdrawn') IS NOT (NEW.status = 'withdrawn')
        OR OLD.created_month IS NOT NEW.created_month OR OLD.station_id IS NOT NEW.station_id
        OR OLD.assigned_deputy_id IS NOT NEW.assigned_deputy_id OR OLD.category IS NOT NEW.category
        OR (OLD.replied_at IS NULL) IS NOT (NEW.replied_at IS NULL) OR OLD.replied_on_time IS NOT NEW.replied_on_time
        OR OLD.resolved IS NOT NEW.resolved OR OLD.satisfaction IS NOT NEW.satisfaction
      BEGIN
        UPDATE figure_counters SET collected = collected - 1, replied = replied - (OLD.replied_at IS NOT NULL),
          on_time = on_time - OLD.replied_on_time, resolved = resolved - OLD.resolved,
          rated_satisfied = rated_satisfied - (OLD.satisfaction IS 'satisfied'),
          rated_basically_satisfied = rated_basically_satisfied - (OLD.satisfaction IS 'basically_satisfied'),
          rated_dissatisfied = rated_dissatisfied - (OLD.satisfaction IS 'dissatisfied')
        WHERE OLD.status <> 'withdrawn' AND month = OLD.created_month AND station_id = OLD.station_id
          AND deputy_id = COALESCE(OLD.assigned_deputy_id, '') AND category = OLD.category;
        INSERT INTO figure_counters SELECT NEW.created_month, NEW.station_id, COALESCE(NEW.assigned_deputy_id, ''),
          NEW.category, 1, NEW.replied_at IS NOT NULL, NEW.replied_on_time, NEW.resolved,
          NEW.satisfaction IS 'satisfied', NEW.satisfaction IS 'basically_satisfied', NEW.satisfaction IS 'dissatisfied'
        WHERE NEW.status <> 'withdrawn'
        ON CONFLICT DO UPDATE SET collected = collected + excluded.collected, replied = replied + excluded.replied,
          on_time = on_time + excluded.on_time, resolved = resolved + excluded.resolved,
          rated_satisfied = rated_satisfied + excluded.rated_satisfied,
          rated_basically_satisfied = rated_basically_satisfied + excluded.rated_basically_satisfied,
          rated_dissatisfied = rated_dissatisfied + excluded.rated_dissatisfied;
      END;

      CREATE TRIGGER opinions_open_insert AFTER INSERT ON opinions
      WHEN NEW.status IN ('assigned', 'transferred') AND NEW.assigned_deputy_id IS NOT NULL
      BEGIN
        INSERT INTO open_case_counters VALUES (NEW.station_id, NEW.assigned_deputy_id, 1)
        ON CONFLICT DO UPDATE SET open = open + 1;
      END;
      CREATE TRIGGER opinions_open_delete AFTER DELETE ON opinions
      WHEN OLD.status IN ('assigned', 'transferred') AND OLD.assigned_deputy_id IS NOT NULL
      BEGIN
        UPDATE open_case_counters SET open = open - 1
        WHERE station_id = OLD.station_id AND deputy_id = OLD.assigned_deputy_id;
      END;
      CREATE TRIGGER opinions_open_update AFTER UPDATE ON opinions
      WHEN (OLD.status IN ('assigned', 'transferred') AND OLD.assigned_deputy_id IS NOT NULL)
          IS NOT (NEW.status IN ('assigned', 'transferred') AND NEW.assigned_deputy_id IS NOT NULL)
        OR (NEW.status IN ('assigned', 'transferred') AND NEW.assigned_deputy_id IS NOT NULL
          AND (OLD.station_id IS NOT NEW.station_id OR OLD.assigned_deputy_id IS NOT NEW.assigned_deputy_id))
      BEGIN
        UPDATE open_case_counters SET open = open - 1
        WHERE OLD.status IN ('assigned', 'transferred') AND station_id = OLD.station_id
          AND deputy_id = OLD.assigned_deputy_id;
        INSERT INTO open_case_counters SELECT NEW.station_id, NEW.assigned_deputy_id, 1
        WHERE NEW.status IN ('assigned', 'transferred') AND NEW.assigned_deputy_id IS NOT NULL
        ON CONFLICT DO UPDATE SET open = open + 1;
      END;

      -- the opinions written before: counted once, here
      INSERT INTO figure_counters
        SELECT created_month, station_id, COALESCE(assigned_deputy_id, ''), category, COUNT(*),
          SUM(replied_at IS NOT NULL), SUM(replied_on_time), SUM(resolved), SUM(satisfaction IS 'satisfied'),
          SUM(satisfaction IS 'basically_satisfied'), SUM(satisfaction IS 'dissatisfied')
        FROM opinions WHERE status <> 'withdrawn' GROUP BY 1, 2, 3, 4;
      INSERT INTO open_case_counters
        SELECT station_id, assigned_deputy_id, COUNT(*) FROM opinions
        WHERE status IN ('assigned', 'transferred') AND assigned_deputy_id IS NOT NULL GROUP BY 1, 2;

      -- reports.stats' overdue: the open cases due before today, created in the period. Only open
      -- opinions are in it, so the count grows with the backlog, not with the years.
      CREATE INDEX opinions_open_due ON opinions (reply_due_date, created_at, status, station_id, assigned_deputy_id,
        category, created_month) WHERE status IN ('assigned', 'transferred');
    `,
  },
  {
    version: 17,
    // Store.referenceVersion: every write of a table of the reference data (REFERENCE_DATA in
    // server/ports/store-types.ts) changes its token in the same transaction, whoever writes and
    // however, so that the copy kept between actions (server/adapters/cached-store.ts) is never stale.
    sql: `
      INSERT INTO markers (name, value) VALUES
        ('reference-version:stations', '1'),
        ('reference-version:deputies', '1'),
        ('reference-version:session_overrides', '1'),
        ('reference-version:holiday_arrangements', '1'),
        ('reference-version:accounts', '1'),
        ('reference-version:deputy_groups', '1'),
        ('reference-version:handling_units', '1')
        ON CONFLICT (name) DO NOTHING;
      CREATE TRIGGER stations_insert_reference_version AFTER INSERT ON stations BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:stations';
      END;
      CREATE TRIGGER stations_update_reference_version AFTER UPDATE ON stations BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:stations';
      END;
      CREATE TRIGGER stations_delete_reference_version AFTER DELETE ON stations BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:stations';
      END;
      CREATE TRIGGER deputies_insert_reference_version AFTER INSERT ON deputies BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:deputies';
      END;
      CREATE TRIGGER deputies_update_reference_version AFTER UPDATE ON deputies BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:deputies';
      END;
      CREATE TRIGGER deputies_delete_reference_version AFTER DELETE ON deputies BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:deputies';
      END;
      CREATE TRIGGER session_overrides_insert_reference_version AFTER INSERT ON session_overrides BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:session_overrides';
      END;
      CREATE TRIGGER session_overrides_update_reference_version AFTER UPDATE ON session_overrides BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:session_overrides';
      END;
      CREATE TRIGGER session_overrides_delete_reference_version AFTER DELETE ON session_overrides BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:session_overrides';
      END;
      CREATE TRIGGER holiday_arrangements_insert_reference_version AFTER INSERT ON holiday_arrangements BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:holiday_arrangements';
      END;
      CREATE TRIGGER holiday_arrangements_update_reference_version AFTER UPDATE ON holiday_arrangements BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:holiday_arrangements';
      END;
      CREATE TRIGGER holiday_arrangements_delete_reference_version AFTER DELETE ON holiday_arrangements BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:holiday_arrangements';
      END;
      CREATE TRIGGER accounts_insert_reference_version AFTER INSERT ON accounts BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:accounts';
      END;
      CREATE TRIGGER accounts_update_reference_version AFTER UPDATE ON accounts BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:accounts';
      END;
      CREATE TRIGGER accounts_delete_reference_version AFTER DELETE ON accounts BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:accounts';
      END;
      CREATE TRIGGER deputy_groups_insert_reference_version AFTER INSERT ON deputy_groups BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:deputy_groups';
      END;
      CREATE TRIGGER deputy_groups_update_reference_version AFTER UPDATE ON deputy_groups BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:deputy_groups';
      END;
      CREATE TRIGGER deputy_groups_delete_reference_version AFTER DELETE ON deputy_groups BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:deputy_groups';
      END;
      CREATE TRIGGER handling_units_insert_reference_version AFTER INSERT ON handling_units BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:handling_units';
      END;
      CREATE TRIGGER handling_units_update_reference_version AFTER UPDATE ON handling_units BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:handling_units';
      END;
      CREATE TRIGGER handling_units_delete_reference_version AFTER DELETE ON handling_units BEGIN
        UPDATE markers SET value = CAST(value AS INTEGER) + 1 WHERE name = 'reference-version:handling_units';
      END;
    `,
  },
  {
    // Routing reads open_case_counters (migration 16), no longer a count of the open opinions:
    // the index that served that count only costs every write of an opinion.
    version: 18,
    sql: 'DROP INDEX opinions_open_by_deputy;',
  },
  {
    // The due queues (overdue, due soon, the deadline watch, the digest) ask for exactly the open
    // statuses, written out (sqlite-opinion-store.ts), which opinions_open_due (migration 16)
    // serves; a partial month of a category is counted off opinions_figures. These three only cost
    // every write of an opinion.
    version: 19,
    sql: `
      DROP INDEX opinions_due;
      DROP INDEX opinions_station_due;
      DROP INDEX opinions_category_created;
    `,
  },
  {
    // An opinion's id is derived from (submitted_by, request_id) (Ids.opinionId), so a retried
    // submit is found by its primary key, as on CloudBase: this unique index only cost every
    // submit a page written.
    version: 20,
    sql: 'DROP INDEX opinions_request;',
  },
];
