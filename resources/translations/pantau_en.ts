<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>HolidaysEditor</name>
        <message>
            <source>Joint leave (cuti bersama)</source>
            <translation>Joint leave (cuti bersama)</translation>
        </message>
        <message>
            <source>National holiday</source>
            <translation>National holiday</translation>
        </message>
        <message>
            <source>Line %1: expected 3 fields (date, kind, name) but found %2.</source>
            <translation>Line %1: expected 3 fields (date, kind, name) but found %2.</translation>
        </message>
        <message>
            <source>Line %1: “%2” is not a date. Write dates as YYYY-MM-DD, for example 2026-08-17.</source>
            <translation>Line %1: “%2” is not a date. Write dates as YYYY-MM-DD, for example 2026-08-17.</translation>
        </message>
        <message>
            <source>Line %1: unknown kind “%2”. Use national or joint_leave.</source>
            <translation>Line %1: unknown kind “%2”. Use national or joint_leave.</translation>
        </message>
        <message>
            <source>Line %1: the holiday has no name.</source>
            <translation>Line %1: the holiday has no name.</translation>
        </message>
        <message>
            <source>Line %1: %2 is already on line %3.</source>
            <translation>Line %1: %2 is already on line %3.</translation>
        </message>
        <message>
            <source>Line %1 is not a valid CSV line.</source>
            <translation>Line %1 is not a valid CSV line.</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Name, e.g. Hari Lahir Pancasila</source>
            <translation>Name, e.g. Hari Lahir Pancasila</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>Import CSV…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Restore defaults</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>Write the holiday's name.</source>
            <translation>Write the holiday's name.</translation>
        </message>
        <message>
            <source>%1 was already in the list; it is replaced.</source>
            <translation>%1 was already in the list; it is replaced.</translation>
        </message>
        <message>
            <source>Restore default holidays</source>
            <translation>Restore default holidays</translation>
        </message>
        <message>
            <source>Pantau's built-in holiday list cannot be read.</source>
            <translation>Pantau's built-in holiday list cannot be read.</translation>
        </message>
        <message>
            <source>Default holidays restored.</source>
            <translation>Default holidays restored.</translation>
        </message>
        <message>
            <source>Import holidays</source>
            <translation>Import holidays</translation>
        </message>
        <message>
            <source>Nothing was imported.</source>
            <translation>Nothing was imported.</translation>
        </message>
        <message>
            <source>The file cannot be read.</source>
            <translation>The file cannot be read.</translation>
        </message>
        <message>
            <source>Imported: %1.</source>
            <translation>Imported: %1.</translation>
        </message>
        <message>
            <source>Export holidays</source>
            <translation>Export holidays</translation>
        </message>
        <message>
            <source>The file cannot be written there.</source>
            <translation>The file cannot be written there.</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Replace the list with Pantau's built-in Indonesian holidays? Holidays you added or changed will be lost.</source>
            <translation>Replace the list with Pantau's built-in Indonesian holidays? Holidays you added or changed will be lost.</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>All years</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Cu&amp;t</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Paste</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Select All</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Show Details...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Hide Details...</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Yes</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;No</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Help</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Cu&amp;t</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Paste</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Select All</translation>
        </message>
        <message>
            <source>Copy &amp;Link Location</source>
            <translation>Copy &amp;Link Location</translation>
        </message>
    </context>
    <context>
        <name>TriageListsDialog</name>
        <message>
            <source>The file is empty.</source>
            <translation>The file is empty.</translation>
        </message>
        <message>
            <source>The first line must name the columns; “%1” is missing.</source>
            <translation>The first line must name the columns; “%1” is missing.</translation>
        </message>
        <message>
            <source>The file has more than %1 rows.</source>
            <translation>The file has more than %1 rows.</translation>
        </message>
        <message>
            <source>The code is missing.</source>
            <translation>The code is missing.</translation>
        </message>
        <message>
            <source>The code “%1” may only have letters, digits, - and _ (at most 24 characters).</source>
            <translation>The code “%1” may only have letters, digits, - and _ (at most 24 characters).</translation>
        </message>
        <message>
            <source>The code %1 is already used on line %2.</source>
            <translation>The code %1 is already used on line %2.</translation>
        </message>
        <message>
            <source>The code %1 is already used in row %2.</source>
            <translation>The code %1 is already used in row %2.</translation>
        </message>
        <message>
            <source>The name is empty.</source>
            <translation>The name is empty.</translation>
        </message>
        <message>
            <source>The name “%1” is already used on line %2.</source>
            <translation>The name “%1” is already used on line %2.</translation>
        </message>
        <message>
            <source>The name “%1” is already used in row %2.</source>
            <translation>The name “%1” is already used in row %2.</translation>
        </message>
        <message>
            <source>Active must be 1 or 0 (yes or no), not “%1”.</source>
            <translation>Active must be 1 or 0 (yes or no), not “%1”.</translation>
        </message>
        <message>
            <source>No agency has the code %1. Add it on the Agencies tab first.</source>
            <translation>No agency has the code %1. Add it on the Agencies tab first.</translation>
        </message>
        <message>
            <source>Agencies and topics</source>
            <translation>Agencies and topics</translation>
        </message>
        <message>
            <source>Agencies</source>
            <translation>Agencies</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>Topics</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>&amp;Import CSV…</source>
            <translation>&amp;Import CSV…</translation>
        </message>
        <message>
            <source>E&amp;xport CSV…</source>
            <translation>E&amp;xport CSV…</translation>
        </message>
        <message>
            <source>Restore &amp;defaults</source>
            <translation>Restore &amp;defaults</translation>
        </message>
        <message>
            <source>Cases are delegated to these agencies. Untick Active to stop offering an agency without removing it: cases keep the code they were given.</source>
            <translation>Cases are delegated to these agencies. Untick Active to stop offering an agency without removing it: cases keep the code they were given.</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Keywords suggest a topic, and its agency, for a new case. They match whole words in any case; the words of a longer keyword may stand a few words apart, or be joined in a hashtag (#JalanRusak). Separate keywords with ;.</source>
            <translation>Keywords suggest a topic, and its agency, for a new case. They match whole words in any case; the words of a longer keyword may stand a few words apart, or be joined in a hashtag (#JalanRusak). Separate keywords with ;.</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>Keywords</source>
            <translation>Keywords</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Agency</translation>
        </message>
        <message>
            <source>Try a complaint: jalan di desa kami rusak parah</source>
            <translation>Try a complaint: jalan di desa kami rusak parah</translation>
        </message>
        <message>
            <source>These topics refer to %1: %2. Remove it and clear their agency?</source>
            <translation>These topics refer to %1: %2. Remove it and clear their agency?</translation>
        </message>
        <message>
            <source>Agency removed; these topics have no agency now: %1.</source>
            <translation>Agency removed; these topics have no agency now: %1.</translation>
        </message>
        <message>
            <source>Replace the agencies with Pantau's default list? Agencies you added are removed, and topics that refer to them lose their agency.</source>
            <translation>Replace the agencies with Pantau's default list? Agencies you added are removed, and topics that refer to them lose their agency.</translation>
        </message>
        <message>
            <source>Separate keywords with ;</source>
            <translation>Separate keywords with ;</translation>
        </message>
        <message>
            <source>(no agency)</source>
            <translation>(no agency)</translation>
        </message>
        <message>
            <source>%1 (inactive)</source>
            <translation>%1 (inactive)</translation>
        </message>
        <message>
            <source>%1 (not in the list)</source>
            <translation>%1 (not in the list)</translation>
        </message>
        <message>
            <source>Replace the topics with Pantau's default list? Topics you added or changed are replaced.</source>
            <translation>Replace the topics with Pantau's default list? Topics you added or changed are replaced.</translation>
        </message>
        <message>
            <source>No topic matches this text.</source>
            <translation>No topic matches this text.</translation>
        </message>
        <message>
            <source>Topics: %1. Agency: %2.</source>
            <translation>Topics: %1. Agency: %2.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Agencies, row %1: %2</source>
            <translation>Agencies, row %1: %2</translation>
        </message>
        <message>
            <source>Topics, row %1: %2</source>
            <translation>Topics, row %1: %2</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV files (*.csv);;All files (*)</translation>
        </message>
        <message>
            <source>Import agencies</source>
            <translation>Import agencies</translation>
        </message>
        <message>
            <source>Export agencies</source>
            <translation>Export agencies</translation>
        </message>
        <message>
            <source>Import topics</source>
            <translation>Import topics</translation>
        </message>
        <message>
            <source>Export topics</source>
            <translation>Export topics</translation>
        </message>
        <message>
            <source>The file cannot be read.</source>
            <translation>The file cannot be read.</translation>
        </message>
        <message>
            <source>Nothing was imported. Line %1: %2</source>
            <translation>Nothing was imported. Line %1: %2</translation>
        </message>
        <message>
            <source>Imported %1 agencies: %2 new, %3 updated.</source>
            <translation>Imported %1 agencies: %2 new, %3 updated.</translation>
        </message>
        <message>
            <source>Imported %1 topics: %2 new, %3 updated.</source>
            <translation>Imported %1 topics: %2 new, %3 updated.</translation>
        </message>
        <message>
            <source>The file cannot be written there.</source>
            <translation>The file cannot be written there.</translation>
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation>Saved to %1.</translation>
        </message>
    </context>
    <context>
        <name>accounts</name>
        <message>
            <source>Accounts</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Add account</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Remove…</translation>
        </message>
        <message>
            <source>No network can be added in this version yet: Mastodon, Bluesky and X sign-in arrive in the next releases. Try the demo deck meanwhile.</source>
            <translation>No network can be added in this version yet: Mastodon, Bluesky and X sign-in arrive in the next releases. Try the demo deck meanwhile.</translation>
        </message>
        <message>
            <source>needs attention</source>
            <translation>needs attention</translation>
        </message>
        <message>
            <source>Remove account</source>
            <translation>Remove account</translation>
        </message>
        <message>
            <source>Remove %1 from Pantau? Its sign-in is deleted from the password store and its columns are closed.</source>
            <translation>Remove %1 from Pantau? Its sign-in is deleted from the password store and its columns are closed.</translation>
        </message>
        <message>
            <source>Also delete its cached posts and messages</source>
            <translation>Also delete its cached posts and messages</translation>
        </message>
    </context>
    <context>
        <name>add_column</name>
        <message>
            <source>Column settings</source>
            <translation>Column settings</translation>
        </message>
        <message>
            <source>Add column</source>
            <translation>Add column</translation>
        </message>
        <message>
            <source>Account:</source>
            <translation>Account:</translation>
        </message>
        <message>
            <source>All accounts</source>
            <translation>All accounts</translation>
        </message>
        <message>
            <source>Choose a column kind.</source>
            <translation>Choose a column kind.</translation>
        </message>
        <message>
            <source>Add an account first: this column reads from an account.</source>
            <translation>Add an account first: this column reads from an account.</translation>
        </message>
    </context>
    <context>
        <name>case</name>
        <message>
            <source>Case #%1 · %2</source>
            <translation>Case #%1 · %2</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(not assigned)</translation>
        </message>
        <message>
            <source>Agency:</source>
            <translation>Agency:</translation>
        </message>
        <message>
            <source>Name of the colleague following it up</source>
            <translation>Name of the colleague following it up</translation>
        </message>
        <message>
            <source>Colleague:</source>
            <translation>Colleague:</translation>
        </message>
        <message>
            <source>Topics:</source>
            <translation>Topics:</translation>
        </message>
        <message>
            <source>Internal note:</source>
            <translation>Internal note:</translation>
        </message>
        <message>
            <source>Only your office sees notes; they are never posted.</source>
            <translation>Only your office sees notes; they are never posted.</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Add note</translation>
        </message>
        <message>
            <source>History:</source>
            <translation>History:</translation>
        </message>
        <message>
            <source>Reply…</source>
            <translation>Reply…</translation>
        </message>
        <message>
            <source>Open in browser</source>
            <translation>Open in browser</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Received %1 · no deadline: %2</source>
            <translation>Received %1 · no deadline: %2</translation>
        </message>
        <message>
            <source>Received %1 · due %2 (%3)</source>
            <translation>Received %1 · due %2 (%3)</translation>
        </message>
        <message>
            <source>Suggested: %1</source>
            <translation>Suggested: %1</translation>
        </message>
        <message>
            <source>Could not save the change: %1</source>
            <translation>Could not save the change: %1</translation>
        </message>
        <message>
            <source>Type the note first.</source>
            <translation>Type the note first.</translation>
        </message>
        <message>
            <source>Could not save the note: %1</source>
            <translation>Could not save the note: %1</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Answered</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Not a complaint</source>
            <translation>Not a complaint</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>%n working day(s) late</source>
            <translation>%n working day(s) late</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>due today</translation>
        </message>
        <message>
            <source>%n working day(s) left</source>
            <translation>%n working day(s) left</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>received</source>
            <translation>received</translation>
        </message>
        <message>
            <source>status %1 → %2</source>
            <translation>status %1 → %2</translation>
        </message>
        <message>
            <source>assigned to %1</source>
            <translation>assigned to %1</translation>
        </message>
        <message>
            <source>agency %1 → %2</source>
            <translation>agency %1 → %2</translation>
        </message>
        <message>
            <source>colleague: %1</source>
            <translation>colleague: %1</translation>
        </message>
        <message>
            <source>topics: %1</source>
            <translation>topics: %1</translation>
        </message>
        <message>
            <source>answered: %1</source>
            <translation>answered: %1</translation>
        </message>
        <message>
            <source>note: %1</source>
            <translation>note: %1</translation>
        </message>
    </context>
    <context>
        <name>charts</name>
        <message>
            <source>No data for this month</source>
            <translation>No data for this month</translation>
        </message>
    </context>
    <context>
        <name>column</name>
        <message>
            <source>Unknown column</source>
            <translation>Unknown column</translation>
        </message>
        <message>
            <source>Drag to move this column</source>
            <translation>Drag to move this column</translation>
        </message>
        <message>
            <source>Sign in again</source>
            <translation>Sign in again</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Column settings</source>
            <translation>Column settings</translation>
        </message>
        <message>
            <source>Remove column</source>
            <translation>Remove column</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>Mark all as read</source>
            <translation>Mark all as read</translation>
        </message>
        <message>
            <source>Move left</source>
            <translation>Move left</translation>
        </message>
        <message>
            <source>Move right</source>
            <translation>Move right</translation>
        </message>
        <message>
            <source>All accounts</source>
            <translation>All accounts</translation>
        </message>
        <message>
            <source>Account removed</source>
            <translation>Account removed</translation>
        </message>
        <message>
            <source>updated just now</source>
            <translation>updated just now</translation>
        </message>
        <message>
            <source>updated %1 ago</source>
            <translation>updated %1 ago</translation>
        </message>
        <message>
            <source>not fetched yet</source>
            <translation>not fetched yet</translation>
        </message>
        <message>
            <source>kept on this computer</source>
            <translation>kept on this computer</translation>
        </message>
        <message>
            <source>%n unread</source>
            <translation>%n unread</translation>
        </message>
    </context>
    <context>
        <name>columns</name>
        <message>
            <source>#KemalaJateng #LaporGub</source>
            <translation>#KemalaJateng #LaporGub</translation>
        </message>
        <message>
            <source>Any of these tags</source>
            <translation>Any of these tags</translation>
        </message>
        <message>
            <source>All of these tags</source>
            <translation>All of these tags</translation>
        </message>
        <message>
            <source>#spam</source>
            <translation>#spam</translation>
        </message>
        <message>
            <source>Tags:</source>
            <translation>Tags:</translation>
        </message>
        <message>
            <source>Match:</source>
            <translation>Match:</translation>
        </message>
        <message>
            <source>Except:</source>
            <translation>Except:</translation>
        </message>
        <message>
            <source>Type at least one tag, for example #KemalaJateng.</source>
            <translation>Type at least one tag, for example #KemalaJateng.</translation>
        </message>
        <message>
            <source>Hashtag</source>
            <translation>Hashtag</translation>
        </message>
        <message>
            <source>Every public post with one or several tags, such as #KemalaJateng.</source>
            <translation>Every public post with one or several tags, such as #KemalaJateng.</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <source>Posts from the people and pages the account follows.</source>
            <translation>Posts from the people and pages the account follows.</translation>
        </message>
        <message>
            <source>Mentions</source>
            <translation>Mentions</translation>
        </message>
        <message>
            <source>Mentions and replies to one account, or to all accounts together.</source>
            <translation>Mentions and replies to one account, or to all accounts together.</translation>
        </message>
        <message>
            <source>Mentions (all accounts)</source>
            <translation>Mentions (all accounts)</translation>
        </message>
        <message>
            <source>Mentions of the account</source>
            <translation>Mentions of the account</translation>
        </message>
        <message>
            <source>Direct messages</source>
            <translation>Direct messages</translation>
        </message>
        <message>
            <source>Open cases</source>
            <translation>Open cases</translation>
        </message>
        <message>
            <source>Answered and closed</source>
            <translation>Answered and closed</translation>
        </message>
        <message>
            <source>Not a complaint or duplicate</source>
            <translation>Not a complaint or duplicate</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>All cases</translation>
        </message>
        <message>
            <source>Hashtags:</source>
            <translation>Hashtags:</translation>
        </message>
        <message>
            <source>Also:</source>
            <translation>Also:</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>Show:</translation>
        </message>
        <message>
            <source>Choose where reports come from: a hashtag, mentions or messages.</source>
            <translation>Choose where reports come from: a hashtag, mentions or messages.</translation>
        </message>
        <message>
            <source>Triage inbox</source>
            <translation>Triage inbox</translation>
        </message>
        <message>
            <source>Citizen reports as cases: delegate each to an agency, answer it within the working-day deadlines, and report on the month.</source>
            <translation>Citizen reports as cases: delegate each to an agency, answer it within the working-day deadlines, and report on the month.</translation>
        </message>
        <message>
            <source>Inbox %1</source>
            <translation>Inbox %1</translation>
        </message>
        <message>
            <source>%n overdue</source>
            <translation>%n overdue</translation>
        </message>
        <message>
            <source>Private conversations with citizens and vendors.</source>
            <translation>Private conversations with citizens and vendors.</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>Posts queued to go out later, on the server or from this PC.</source>
            <translation>Posts queued to go out later, on the server or from this PC.</translation>
        </message>
        <message>
            <source>Scheduled (all accounts)</source>
            <translation>Scheduled (all accounts)</translation>
        </message>
        <message>
            <source>e.g. dokumen penawaran</source>
            <translation>e.g. dokumen penawaran</translation>
        </message>
        <message>
            <source>Search for:</source>
            <translation>Search for:</translation>
        </message>
        <message>
            <source>Type what to search for.</source>
            <translation>Type what to search for.</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Posts matching words or names, on the network and in the local cache.</source>
            <translation>Posts matching words or names, on the network and in the local cache.</translation>
        </message>
    </context>
    <context>
        <name>compose</name>
        <message>
            <source>Public</source>
            <translation>Public</translation>
        </message>
        <message>
            <source>Public, not in timelines</source>
            <translation>Public, not in timelines</translation>
        </message>
        <message>
            <source>Followers only</source>
            <translation>Followers only</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>New post</source>
            <translation>New post</translation>
        </message>
        <message>
            <source>Demo: what you write is kept as a draft and never sent.</source>
            <translation>Demo: what you write is kept as a draft and never sent.</translation>
        </message>
        <message>
            <source>Open in its own window</source>
            <translation>Open in its own window</translation>
        </message>
        <message>
            <source>Dock at the side</source>
            <translation>Dock at the side</translation>
        </message>
        <message>
            <source>Change account…</source>
            <translation>Change account…</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>From:</translation>
        </message>
        <message>
            <source>Also post from:</source>
            <translation>Also post from:</translation>
        </message>
        <message>
            <source>Direct message</source>
            <translation>Direct message</translation>
        </message>
        <message>
            <source>Who can see it:</source>
            <translation>Who can see it:</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Not set</translation>
        </message>
        <message>
            <source>Sent with the post so readers' filters and translation work.</source>
            <translation>Sent with the post so readers' filters and translation work.</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>Optional, e.g. a sensitive complaint</source>
            <translation>Optional, e.g. a sensitive complaint</translation>
        </message>
        <message>
            <source>Content warning:</source>
            <translation>Content warning:</translation>
        </message>
        <message>
            <source>Replying to %1</source>
            <translation>Replying to %1</translation>
        </message>
        <message>
            <source>Schedule for</source>
            <translation>Schedule for</translation>
        </message>
        <message>
            <source>Saved reply</source>
            <translation>Saved reply</translation>
        </message>
        <message>
            <source>Or type /keyword and press Tab</source>
            <translation>Or type /keyword and press Tab</translation>
        </message>
        <message>
            <source>No saved replies yet</source>
            <translation>No saved replies yet</translation>
        </message>
        <message>
            <source>No saved reply has the keyword /%1.</source>
            <translation>No saved reply has the keyword /%1.</translation>
        </message>
        <message>
            <source>Bluesky posts are always public.</source>
            <translation>Bluesky posts are always public.</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Too long for this server: %1 characters, at most %2.</source>
            <translation>Too long for this server: %1 characters, at most %2.</translation>
        </message>
        <message>
            <source>Choose a time at least 6 minutes from now.</source>
            <translation>Choose a time at least 6 minutes from now.</translation>
        </message>
        <message>
            <source>Choose a time in the future.</source>
            <translation>Choose a time in the future.</translation>
        </message>
        <message>
            <source>Uploading images…</source>
            <translation>Uploading images…</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>Scheduled for %1.</source>
            <translation>Scheduled for %1.</translation>
        </message>
        <message>
            <source>Sent.</source>
            <translation>Sent.</translation>
        </message>
        <message>
            <source>This file cannot be shown as an image.</source>
            <translation>This file cannot be shown as an image.</translation>
        </message>
        <message>
            <source>Describe the image for people who cannot see it</source>
            <translation>Describe the image for people who cannot see it</translation>
        </message>
        <message>
            <source>Remove this image</source>
            <translation>Remove this image</translation>
        </message>
        <message>
            <source>Add image…</source>
            <translation>Add image…</translation>
        </message>
        <message>
            <source>Add images</source>
            <translation>Add images</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Images</translation>
        </message>
        <message>
            <source>Images without a description: %1. People using a screen reader will not know what they show.</source>
            <translation>Images without a description: %1. People using a screen reader will not know what they show.</translation>
        </message>
        <message>
            <source>Empty: the same text as the main one</source>
            <translation>Empty: the same text as the main one</translation>
        </message>
        <message>
            <source>Text for %1</source>
            <translation>Text for %1</translation>
        </message>
        <message>
            <source>Main text (%1)</source>
            <translation>Main text (%1)</translation>
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <source>Pantau hit a problem</source>
            <translation>Pantau hit a problem</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. Your drafts and cached posts are safe. The details were written to %1.</source>
            <translation>Something unexpected went wrong. Your drafts and cached posts are safe. The details were written to %1.</translation>
        </message>
    </context>
    <context>
        <name>deck</name>
        <message>
            <source>Welcome to Pantau</source>
            <translation>Welcome to Pantau</translation>
        </message>
        <message>
            <source>Add the office accounts you answer from, then add columns for mentions, hashtags such as #KemalaJateng, direct messages and scheduled posts.</source>
            <translation>Add the office accounts you answer from, then add columns for mentions, hashtags such as #KemalaJateng, direct messages and scheduled posts.</translation>
        </message>
        <message>
            <source>Add an account…</source>
            <translation>Add an account…</translation>
        </message>
        <message>
            <source>Add a column…</source>
            <translation>Add a column…</translation>
        </message>
        <message>
            <source>Explore the demo deck</source>
            <translation>Explore the demo deck</translation>
        </message>
    </context>
    <context>
        <name>delegate</name>
        <message>
            <source>Media (%n)</source>
            <translation>Media (%n)</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>Change…</translation>
        </message>
        <message>
            <source>Send now</source>
            <translation>Send now</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>Assign…</source>
            <translation>Assign…</translation>
        </message>
        <message>
            <source>Status…</source>
            <translation>Status…</translation>
        </message>
        <message>
            <source>Note…</source>
            <translation>Note…</translation>
        </message>
        <message>
            <source>Open in browser</source>
            <translation>Open in browser</translation>
        </message>
        <message>
            <source>Failed to send</source>
            <translation>Failed to send</translation>
        </message>
        <message>
            <source>Scheduled for %1</source>
            <translation>Scheduled for %1</translation>
        </message>
        <message>
            <source>New message · %1</source>
            <translation>New message · %1</translation>
        </message>
        <message>
            <source>Conversation · %1</source>
            <translation>Conversation · %1</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>this account</source>
            <translation>this account</translation>
        </message>
        <message>
            <source>Cannot reach the server of %1. Your text is kept: press Send to try again.</source>
            <translation>Cannot reach the server of %1. Your text is kept: press Send to try again.</translation>
        </message>
        <message>
            <source>Cannot reach the server of %1. Showing cached posts; will retry.</source>
            <translation>Cannot reach the server of %1. Showing cached posts; will retry.</translation>
        </message>
        <message>
            <source>The session of %1 has ended. Sign in again.</source>
            <translation>The session of %1 has ended. Sign in again.</translation>
        </message>
        <message>
            <source>The network asks %1 to slow down. Next try in %n min.</source>
            <translation>The network asks %1 to slow down. Next try in %n min.</translation>
        </message>
        <message>
            <source>The text is too long for this network: %1 characters, at most %2.</source>
            <translation>The text is too long for this network: %1 characters, at most %2.</translation>
        </message>
        <message>
            <source>An image is too large for this network (at most %1 MB). Pick a smaller one.</source>
            <translation>An image is too large for this network (at most %1 MB). Pick a smaller one.</translation>
        </message>
        <message>
            <source>The file %1 cannot be read any more. Pick it again.</source>
            <translation>The file %1 cannot be read any more. Pick it again.</translation>
        </message>
        <message>
            <source>The app password of %1 does not allow direct messages. Make a new one with “Allow access to your direct messages” ticked and sign in with it.</source>
            <translation>The app password of %1 does not allow direct messages. Make a new one with “Allow access to your direct messages” ticked and sign in with it.</translation>
        </message>
        <message>
            <source>That post or page no longer exists (%1).</source>
            <translation>That post or page no longer exists (%1).</translation>
        </message>
        <message>
            <source>The server refused the request of %1.</source>
            <translation>The server refused the request of %1.</translation>
        </message>
        <message>
            <source>The server of %1 has a problem. Will retry later.</source>
            <translation>The server of %1 has a problem. Will retry later.</translation>
        </message>
        <message>
            <source>The server of %1 sent data Pantau does not understand.</source>
            <translation>The server of %1 sent data Pantau does not understand.</translation>
        </message>
        <message>
            <source>This version of Pantau cannot connect to the network of %1 yet.</source>
            <translation>This version of Pantau cannot connect to the network of %1 yet.</translation>
        </message>
        <message>
            <source>No secure password store is available, so Pantau will not save sign-ins. Install and unlock GNOME Keyring or KWallet (on Windows: Credential Manager).</source>
            <translation>No secure password store is available, so Pantau will not save sign-ins. Install and unlock GNOME Keyring or KWallet (on Windows: Credential Manager).</translation>
        </message>
        <message>
            <source>The password store refused access for %1. Unlock it and try again.</source>
            <translation>The password store refused access for %1. Unlock it and try again.</translation>
        </message>
        <message>
            <source>The local cache cannot be written. Check free disk space.</source>
            <translation>The local cache cannot be written. Check free disk space.</translation>
        </message>
        <message>
            <source>Something went wrong. Details are in the log file.</source>
            <translation>Something went wrong. Details are in the log file.</translation>
        </message>
    </context>
    <context>
        <name>reach</name>
        <message>
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>Followers at start</source>
            <translation>Followers at start</translation>
        </message>
        <message>
            <source>Followers at end</source>
            <translation>Followers at end</translation>
        </message>
        <message>
            <source>Growth</source>
            <translation>Growth</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>Posts</translation>
        </message>
        <message>
            <source>Replies</source>
            <translation>Replies</translation>
        </message>
        <message>
            <source>Reposts</source>
            <translation>Reposts</translation>
        </message>
        <message>
            <source>Likes</source>
            <translation>Likes</translation>
        </message>
        <message>
            <source>Followers per day</source>
            <translation>Followers per day</translation>
        </message>
        <message>
            <source>No follower counts yet: Pantau samples them once a day while it runs.</source>
            <translation>No follower counts yet: Pantau samples them once a day while it runs.</translation>
        </message>
        <message>
            <source>Replies, reposts and likes per post, by hour posted</source>
            <translation>Replies, reposts and likes per post, by hour posted</translation>
        </message>
        <message>
            <source>Per post</source>
            <translation>Per post</translation>
        </message>
        <message>
            <source>The office posted nothing this month.</source>
            <translation>The office posted nothing this month.</translation>
        </message>
        <message>
            <source>Posts did best when published at %1.</source>
            <translation>Posts did best when published at %1.</translation>
        </message>
    </context>
    <context>
        <name>replies</name>
        <message>
            <source>This file is not a saved-replies file (it is not JSON).</source>
            <translation>This file is not a saved-replies file (it is not JSON).</translation>
        </message>
        <message>
            <source>This file is not a Pantau saved-replies file.</source>
            <translation>This file is not a Pantau saved-replies file.</translation>
        </message>
        <message>
            <source>This file was made by a newer Pantau. Update Pantau to import it.</source>
            <translation>This file was made by a newer Pantau. Update Pantau to import it.</translation>
        </message>
        <message>
            <source>This file holds more saved replies than Pantau takes (1000).</source>
            <translation>This file holds more saved replies than Pantau takes (1000).</translation>
        </message>
        <message>
            <source>Reply %1 in the file has no usable keyword or text. Nothing was imported.</source>
            <translation>Reply %1 in the file has no usable keyword or text. Nothing was imported.</translation>
        </message>
        <message>
            <source>Saved replies</source>
            <translation>Saved replies</translation>
        </message>
        <message>
            <source>Type /keyword in a reply and press Tab to insert one. {nama}, {akun} and {tanggal} are filled in for you; Pantau selects any other {placeholder} for you to type over.</source>
            <translation>Type /keyword in a reply and press Tab to insert one. {nama}, {akun} and {tanggal} are filled in for you; Pantau selects any other {placeholder} for you to type over.</translation>
        </message>
        <message>
            <source>Import from a file…</source>
            <translation>Import from a file…</translation>
        </message>
        <message>
            <source>Export to a file…</source>
            <translation>Export to a file…</translation>
        </message>
        <message>
            <source>Keyword:</source>
            <translation>Keyword:</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>Title:</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>A keyword is one short word: letters, digits, - or _ (for example daftar).</source>
            <translation>A keyword is one short word: letters, digits, - or _ (for example daftar).</translation>
        </message>
        <message>
            <source>Write the reply text.</source>
            <translation>Write the reply text.</translation>
        </message>
        <message>
            <source>Another saved reply already uses /%1.</source>
            <translation>Another saved reply already uses /%1.</translation>
        </message>
        <message>
            <source>Import saved replies</source>
            <translation>Import saved replies</translation>
        </message>
        <message>
            <source>Saved replies (*.json)</source>
            <translation>Saved replies (*.json)</translation>
        </message>
        <message>
            <source>Export saved replies</source>
            <translation>Export saved replies</translation>
        </message>
        <message>
            <source>The file cannot be read.</source>
            <translation>The file cannot be read.</translation>
        </message>
        <message>
            <source>Imported: %1.</source>
            <translation>Imported: %1.</translation>
        </message>
        <message>
            <source>The file cannot be written there.</source>
            <translation>The file cannot be written there.</translation>
        </message>
    </context>
    <context>
        <name>report</name>
        <message>
            <source>Monthly report</source>
            <translation>Monthly report</translation>
        </message>
        <message>
            <source>Previous month</source>
            <translation>Previous month</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>Next month</source>
            <translation>Next month</translation>
        </message>
        <message>
            <source>By agency</source>
            <translation>By agency</translation>
        </message>
        <message>
            <source>By topic</source>
            <translation>By topic</translation>
        </message>
        <message>
            <source>Top words</source>
            <translation>Top words</translation>
        </message>
        <message>
            <source>Per day</source>
            <translation>Per day</translation>
        </message>
        <message>
            <source>Account reach</source>
            <translation>Account reach</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Export PNG…</source>
            <translation>Export PNG…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>The report for %1 could not be made. %2</source>
            <translation>The report for %1 could not be made. %2</translation>
        </message>
        <message>
            <source>Cases received in %1. Deadlines as of %2, in working days.</source>
            <translation>Cases received in %1. Deadlines as of %2, in working days.</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Agency</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>Word</source>
            <translation>Word</translation>
        </message>
        <message>
            <source>Phrase</source>
            <translation>Phrase</translation>
        </message>
        <message>
            <source>Choose a folder for the CSV files</source>
            <translation>Choose a folder for the CSV files</translation>
        </message>
        <message>
            <source>Export the report as an image</source>
            <translation>Export the report as an image</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <source>Export the report as PDF</source>
            <translation>Export the report as PDF</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF document (*.pdf)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>The report could not be saved to %1: %2</source>
            <translation>The report could not be saved to %1: %2</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>Unassigned</source>
            <translation>Unassigned</translation>
        </message>
        <message>
            <source>No topic</source>
            <translation>No topic</translation>
        </message>
        <message>
            <source>Received %1 · answered %2 · overdue %3 · median %4 working days to answer</source>
            <translation>Received %1 · answered %2 · overdue %3 · median %4 working days to answer</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Answered</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Not a complaint</source>
            <translation>Not a complaint</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Median days</source>
            <translation>Median days</translation>
        </message>
        <message>
            <source>P90 days</source>
            <translation>P90 days</translation>
        </message>
        <message>
            <source>Cases per agency</source>
            <translation>Cases per agency</translation>
        </message>
        <message>
            <source>Median working days to answer, by week received</source>
            <translation>Median working days to answer, by week received</translation>
        </message>
        <message>
            <source>Median working days</source>
            <translation>Median working days</translation>
        </message>
        <message>
            <source>No case received this month has been answered yet.</source>
            <translation>No case received this month has been answered yet.</translation>
        </message>
        <message>
            <source>Cases received per day</source>
            <translation>Cases received per day</translation>
        </message>
        <message>
            <source>page %1</source>
            <translation>page %1</translation>
        </message>
        <message>
            <source>Words</source>
            <translation>Words</translation>
        </message>
        <message>
            <source>Phrases</source>
            <translation>Phrases</translation>
        </message>
        <message>
            <source>A case with several topics is counted under each of them.</source>
            <translation>A case with several topics is counted under each of them.</translation>
        </message>
        <message>
            <source>What people wrote about</source>
            <translation>What people wrote about</translation>
        </message>
    </context>
    <context>
        <name>schedule_edit</name>
        <message>
            <source>Change scheduled post</source>
            <translation>Change scheduled post</translation>
        </message>
        <message>
            <source>Goes out at:</source>
            <translation>Goes out at:</translation>
        </message>
        <message>
            <source>The post has no text.</source>
            <translation>The post has no text.</translation>
        </message>
        <message>
            <source>Choose a time at least 6 minutes from now.</source>
            <translation>Choose a time at least 6 minutes from now.</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Same as the computer</source>
            <translation>Same as the computer</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>every %n min</source>
            <translation>every %n min</translation>
        </message>
        <message>
            <source>Fetch new posts:</source>
            <translation>Fetch new posts:</translation>
        </message>
        <message>
            <source>WIB (Western Indonesia, Jakarta)</source>
            <translation>WIB (Western Indonesia, Jakarta)</translation>
        </message>
        <message>
            <source>WITA (Central Indonesia, Makassar)</source>
            <translation>WITA (Central Indonesia, Makassar)</translation>
        </message>
        <message>
            <source>WIT (Eastern Indonesia, Jayapura)</source>
            <translation>WIT (Eastern Indonesia, Jayapura)</translation>
        </message>
        <message>
            <source>Office time zone:</source>
            <translation>Office time zone:</translation>
        </message>
        <message>
            <source>ask me</source>
            <translation>ask me</translation>
        </message>
        <message>
            <source>send them at once</source>
            <translation>send them at once</translation>
        </message>
        <message>
            <source>hold them for me</source>
            <translation>hold them for me</translation>
        </message>
        <message>
            <source>Scheduled Bluesky and X posts are sent by Pantau itself. When Pantau was closed at their time, this decides what happens on the next start.</source>
            <translation>Scheduled Bluesky and X posts are sent by Pantau itself. When Pantau was closed at their time, this decides what happens on the next start.</translation>
        </message>
        <message>
            <source>Scheduled posts that missed their time:</source>
            <translation>Scheduled posts that missed their time:</translation>
        </message>
        <message>
            <source>A new language applies when Pantau restarts.</source>
            <translation>A new language applies when Pantau restarts.</translation>
        </message>
    </context>
    <context>
        <name>signin</name>
        <message>
            <source>Add a Mastodon account</source>
            <translation>Add a Mastodon account</translation>
        </message>
        <message>
            <source>Works with Mastodon, GoToSocial, Akkoma and Pleroma servers. Pantau opens the server's approval page in your browser.</source>
            <translation>Works with Mastodon, GoToSocial, Akkoma and Pleroma servers. Pantau opens the server's approval page in your browser.</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
        <message>
            <source>Sign in with the browser</source>
            <translation>Sign in with the browser</translation>
        </message>
        <message>
            <source>The browser cannot return to Pantau? Use a code</source>
            <translation>The browser cannot return to Pantau? Use a code</translation>
        </message>
        <message>
            <source>Paste the code the server shows</source>
            <translation>Paste the code the server shows</translation>
        </message>
        <message>
            <source>Add a Bluesky account</source>
            <translation>Add a Bluesky account</translation>
        </message>
        <message>
            <source>Sign in with an app password, not the account's main password. In Bluesky open Settings → Privacy and security → App passwords → Add App Password, and tick “Allow access to your direct messages” so Pantau can answer DMs.</source>
            <translation>Sign in with an app password, not the account's main password. In Bluesky open Settings → Privacy and security → App passwords → Add App Password, and tick “Allow access to your direct messages” so Pantau can answer DMs.</translation>
        </message>
        <message>
            <source>Open the app passwords page</source>
            <translation>Open the app passwords page</translation>
        </message>
        <message>
            <source>Handle:</source>
            <translation>Handle:</translation>
        </message>
        <message>
            <source>App password:</source>
            <translation>App password:</translation>
        </message>
        <message>
            <source>Only for a self-hosted server (PDS); leave empty for bsky.social.</source>
            <translation>Only for a self-hosted server (PDS); leave empty for bsky.social.</translation>
        </message>
        <message>
            <source>Server (optional):</source>
            <translation>Server (optional):</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Type the account's handle and an app password.</source>
            <translation>Type the account's handle and an app password.</translation>
        </message>
        <message>
            <source>The server is an address such as https://pds.example.go.id.</source>
            <translation>The server is an address such as https://pds.example.go.id.</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Signing in…</translation>
        </message>
        <message>
            <source>The handle or the app password is wrong. Check both, or make a new app password.</source>
            <translation>The handle or the app password is wrong. Check both, or make a new app password.</translation>
        </message>
        <message>
            <source>Type the server's name, for example mastodon.social.</source>
            <translation>Type the server's name, for example mastodon.social.</translation>
        </message>
        <message>
            <source>Open the approval page first, then paste the code it shows.</source>
            <translation>Open the approval page first, then paste the code it shows.</translation>
        </message>
        <message>
            <source>Approve Pantau in your browser, then come back here…</source>
            <translation>Approve Pantau in your browser, then come back here…</translation>
        </message>
        <message>
            <source>Access was not granted in the browser.</source>
            <translation>Access was not granted in the browser.</translation>
        </message>
        <message>
            <source>No answer from the browser. Try again, or use a code.</source>
            <translation>No answer from the browser. Try again, or use a code.</translation>
        </message>
        <message>
            <source>Approve Pantau in the browser and paste the code shown there.</source>
            <translation>Approve Pantau in the browser and paste the code shown there.</translation>
        </message>
    </context>
    <context>
        <name>thread</name>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>Demo: only the latest message is cached.</source>
            <translation>Demo: only the latest message is cached.</translation>
        </message>
        <message>
            <source>Loading the conversation…</source>
            <translation>Loading the conversation…</translation>
        </message>
    </context>
    <context>
        <name>time</name>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
        <message>
            <source>%n min</source>
            <translation>%n min</translation>
        </message>
        <message>
            <source>%n h</source>
            <translation>%n h</translation>
        </message>
        <message>
            <source>%n d</source>
            <translation>%n d</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>in %1</translation>
        </message>
    </context>
    <context>
        <name>triage</name>
        <message>
            <source>Assign %n case(s) to</source>
            <translation>Assign %n case(s) to</translation>
        </message>
        <message>
            <source>Type to find an agency (code or name)</source>
            <translation>Type to find an agency (code or name)</translation>
        </message>
        <message>
            <source>(remove the agency)</source>
            <translation>(remove the agency)</translation>
        </message>
        <message>
            <source>%n working day(s)</source>
            <translation>%n working day(s)</translation>
        </message>
        <message>
            <source>Forward to an agency within:</source>
            <translation>Forward to an agency within:</translation>
        </message>
        <message>
            <source>Follow up after forwarding within:</source>
            <translation>Follow up after forwarding within:</translation>
        </message>
        <message>
            <source>Your name in case history:</source>
            <translation>Your name in case history:</translation>
        </message>
        <message>
            <source>SP4N-LAPOR! asks that a report is forwarded within 3 working days and followed up within 5. Weekends and the holidays in the Holidays tab do not count; the day a report arrives does not count either.</source>
            <translation>SP4N-LAPOR! asks that a report is forwarded within 3 working days and followed up within 5. Weekends and the holidays in the Holidays tab do not count; the day a report arrives does not count either.</translation>
        </message>
        <message>
            <source>The cases were not changed: %1</source>
            <translation>The cases were not changed: %1</translation>
        </message>
        <message>
            <source>Holidays</source>
            <translation>Holidays</translation>
        </message>
        <message>
            <source>Deadlines</source>
            <translation>Deadlines</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>The lists were not saved: %1</source>
            <translation>The lists were not saved: %1</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Scheduled posts that missed their time while Pantau was closed: %n. They wait in the Scheduled column.</source>
            <translation>Scheduled posts that missed their time while Pantau was closed: %n. They wait in the Scheduled column.</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>Compose</source>
            <translation>Compose</translation>
        </message>
        <message>
            <source>Demo data: nothing is sent or fetched from the networks.</source>
            <translation>Demo data: nothing is sent or fetched from the networks.</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Main toolbar</translation>
        </message>
        <message>
            <source>New post</source>
            <translation>New post</translation>
        </message>
        <message>
            <source>Add column</source>
            <translation>Add column</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>Saved replies</source>
            <translation>Saved replies</translation>
        </message>
        <message>
            <source>Refresh all</source>
            <translation>Refresh all</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Triage</source>
            <translation>Triage</translation>
        </message>
        <message>
            <source>Monthly report…</source>
            <translation>Monthly report…</translation>
        </message>
        <message>
            <source>Agencies, topics and holidays…</source>
            <translation>Agencies, topics and holidays…</translation>
        </message>
        <message>
            <source>No connection: showing cached posts. Pantau keeps trying.</source>
            <translation>No connection: showing cached posts. Pantau keeps trying.</translation>
        </message>
        <message>
            <source>Connected again.</source>
            <translation>Connected again.</translation>
        </message>
        <message>
            <source>Sign-in for this network is not available yet.</source>
            <translation>Sign-in for this network is not available yet.</translation>
        </message>
        <message>
            <source>%1 was added. Add columns for it with Add column.</source>
            <translation>%1 was added. Add columns for it with Add column.</translation>
        </message>
        <message>
            <source>%1 was removed.</source>
            <translation>%1 was removed.</translation>
        </message>
        <message>
            <source>This link was not opened: it is not a web address.</source>
            <translation>This link was not opened: it is not a web address.</translation>
        </message>
        <message>
            <source>The account that received this post was removed.</source>
            <translation>The account that received this post was removed.</translation>
        </message>
        <message>
            <source>The account that received this report was removed.</source>
            <translation>The account that received this report was removed.</translation>
        </message>
        <message>
            <source>Demo: scheduled posts are not changed.</source>
            <translation>Demo: scheduled posts are not changed.</translation>
        </message>
        <message>
            <source>Cancel scheduled post</source>
            <translation>Cancel scheduled post</translation>
        </message>
        <message>
            <source>Cancel this scheduled post? It will not be published.</source>
            <translation>Cancel this scheduled post? It will not be published.</translation>
        </message>
        <message>
            <source>Scheduled post of %1 sent.</source>
            <translation>Scheduled post of %1 sent.</translation>
        </message>
        <message>
            <source>Scheduled posts missed</source>
            <translation>Scheduled posts missed</translation>
        </message>
        <message>
            <source>Send now</source>
            <translation>Send now</translation>
        </message>
        <message>
            <source>Cancel them</source>
            <translation>Cancel them</translation>
        </message>
        <message>
            <source>Decide later</source>
            <translation>Decide later</translation>
        </message>
        <message>
            <source>Add an account first, then write a post.</source>
            <translation>Add an account first, then write a post.</translation>
        </message>
    </context>
</TS>