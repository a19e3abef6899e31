#pragma once

#include <QList>
#include <QPair>
#include <QTableWidget>

namespace SockPlay {

/// A script's variables as a two-column table: the name, and a value the
/// user can type over (Enter, F2 or simply typing edits; Tab leaves).
///
/// It starts from the script's defaults. "host" and "port" follow the
/// window's server while it listens — so a script written for a server
/// (examples/ping.json) runs against the server pane as it is — until the
/// user edits them; a following value is shown in italics and says so.
class ScriptVariablesTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptVariablesTable)
public:
    using Variables = QList<QPair<QString, QString>>;

    explicit ScriptVariablesTable(QWidget *parent = nullptr);

    /// A script's defaults, none edited.
    void setDefaults(const Variables &defaults);
    /// Every variable with the value shown: what a run uses.
    Variables values() const;
    /// The defaults, with the values the user typed: what Save as… writes
    /// (a value following the server is not a default).
    Variables editedDefaults() const;

    /// Where the window's server is, and whether it listens now.
    void setServerTarget(const QString &host, quint16 port, bool listening);
    /// "host and port follow the window's server (127.0.0.1:5000) until you
    /// edit them", or empty when none follows.
    QString followText() const { return m_followText; }

signals:
    void followTextChanged(const QString &text);

private:
    void valueEdited(int row, int column);
    void applyServerTarget();

    Variables m_defaults;
    QString m_serverHost;
    quint16 m_serverPort = 0;
    bool m_serverListening = false;
    bool m_filling = false; // the table changes itself: not the user's edit
    QString m_followText;
};

} // namespace SockPlay
