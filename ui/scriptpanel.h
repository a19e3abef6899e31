#pragma once

#include "script.h"
#include "scriptrecorder.h"
#include "scriptrunner.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QPushButton;

namespace SockPlay {

class ErrorLabel;
class ScriptStepsModel;
class ScriptVariablesTable;
class Session;

/// Scripted checks in the window: open a script (or record one), set its
/// variables, run it against the window's session and watch each step tick
/// Passed or Failed as it runs; a failed step says what arrived instead.
///
/// The runner plays the script through the Session's commands and signals,
/// so it copes with the session living on the network thread. The endpoints
/// a script opens are session endpoints: they appear in the log (under the
/// script's names), not in the server and client panes.
///
/// Recording: Record notes the log's next sequence number and the endpoints
/// as they are; Stop recording turns what happened since into a script
/// (ScriptRecorder), loads it here, Pending, and shows what it left out.
///
/// Variables (ScriptVariablesTable): the script's defaults; "host" and
/// "port" follow the window's server while it listens, until edited; edited
/// values are what a Save as… writes as defaults.
class ScriptPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptPanel)
public:
    explicit ScriptPanel(Session *session, QWidget *parent = nullptr);
    ~ScriptPanel() override;

    /// Shows a script: its steps Pending, its variables, notes (from a recording).
    void setScript(const Script &script, const QString &path = {}, const QStringList &notes = {});
    /// The script shown, with the variables' edited values as its defaults.
    Script script() const;
    /// Reads a script file (the error is shown under the buttons and returned).
    bool openFile(const QString &path);
    /// Writes script() to a file through QSaveFile.
    bool saveFile(const QString &path);

    void run();
    void stop();
    bool isRunning() const;
    void startRecording();
    void stopRecording();
    bool isRecording() const { return m_recorder.isRecording(); }

    /// Where the window's server is, and whether it listens now: the
    /// variables host and port follow it while it listens and are not edited.
    void setServerTarget(const QString &host, quint16 port, bool listening);

    /// Gives the focus to Run, or to Open when there is nothing to run.
    void focusFirstControl();

    /// Wide enough for a step's line ("✓ 2  Passed  send "PING 1\n" to client").
    QSize sizeHint() const override;

    ScriptStepsModel *stepsModel() const { return m_steps; }
    QAction *runAction() const { return m_runAction; }
    QAction *stopAction() const { return m_stopAction; }

signals:
    /// A run ended (every step passed, or one failed, or it was stopped).
    void runFinished(const SockPlay::ScriptReport &report);

private:
    void chooseOpenFile();
    void chooseSaveFile();
    void toggleRecording();
    void stepStarted(int index);
    void stepFinished(int index, const StepResult &result);
    void finished(const ScriptReport &report);
    void showDetail();
    void updateControls();
    QList<EndpointSnapshot> endpointSnapshots() const;

    Session *m_session = nullptr;
    Script m_script;
    QString m_path;
    QPointer<ScriptRunner> m_runner;
    ScriptRecorder m_recorder;
    QString m_lastDirectory;

    ScriptStepsModel *m_steps = nullptr;
    QLabel *m_titleLabel = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_recordButton = nullptr;
    ScriptVariablesTable *m_variablesTable = nullptr;
    QLabel *m_followLabel = nullptr;
    QListView *m_stepsView = nullptr;
    QLabel *m_detailLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_notesLabel = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
};

} // namespace SockPlay
