<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>accounts</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network can be added in this version yet: Mastodon, Bluesky and X sign-in arrive in the next releases. Try the demo deck meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from Pantau? Its sign-in is deleted from the password store and its columns are closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete its cached posts and messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>add_column</name>
    <message>
        <source>Column settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a column kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account first: this column reads from an account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>column</name>
    <message>
        <source>Unknown column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to move this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>#KemalaJateng #LaporGub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any of these tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of these tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#spam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Except:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least one tag, for example #KemalaJateng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashtag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every public post with one or several tags, such as #KemalaJateng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts from the people and pages the account follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions and replies to one account, or to all accounts together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions (all accounts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private conversations with citizens and vendors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts queued to go out later, on the server or from this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled (all accounts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. dokumen penawaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts matching words or names, on the network and in the local cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Pantau hit a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your drafts and cached posts are safe. The details were written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>deck</name>
    <message>
        <source>Welcome to Pantau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the office accounts you answer from, then add columns for mentions, hashtags such as #KemalaJateng, direct messages and scheduled posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a column…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the demo deck</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>delegate</name>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server of %1. Your text is kept: press Send to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server of %1. Showing cached posts; will retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session of %1 has ended. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network asks %1 to slow down. Next try in %n min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That post or page no longer exists (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server of %1 has a problem. Will retry later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server of %1 sent data Pantau does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Pantau cannot connect to the network of %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure password store is available, so Pantau will not save sign-ins. Install and unlock GNOME Keyring or KWallet (on Windows: Credential Manager).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password store refused access for %1. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache cannot be written. Check free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reply</name>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: replies are kept as drafts and never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch new posts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Pantau restarts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>time</name>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data: nothing is sent or fetched from the networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection: showing cached posts. Pantau keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in for this network is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link was not opened: it is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account that received this post was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
