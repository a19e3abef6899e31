#include "scriptpanel.h"

#include "sessionfile.h"

#include "errorlabel.h"
#include "eventlog.h"
#include "scriptstepsmodel.h"
#include "scriptvariablestable.h"
#include "session.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

QString fileFilter()
{
    return ScriptPanel::tr("SockPlay scripts (*.json);;All files (*)");
}

/// Where session files plug in: a session file holds a script under
/// "script" and the endpoints it adopts. Reading sessions is
/// core/sessionfile's (not yet written); until then it is refused clearly.
std::optional<Script> readSessionScript(const QString &path, QString *error)
{
    std::optional<SessionDocument> session = SessionFile::readFile(path, error);
    if (!session)
        return std::nullopt;
    if (!session->script) {
        *error = ScriptPanel::tr("%1 is a session file without a script: open it with File → Open session….")
                     .arg(QFileInfo(path).fileName());
        return std::nullopt;
    }
    if (session->script->name.isEmpty())
        session->script->name = QFileInfo(path).completeBaseName();
    return session->script;
}

} // namespace

ScriptPanel::ScriptPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_lastDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    setObjectName(QStringLiteral("scriptPanel"));
    setAccessibleName(tr("Script"));
    const auto named = [](QWidget *widget, const char *name, const QString &accessible) {
        widget->setObjectName(QLatin1String(name));
        widget->setAccessibleName(accessible);
    };

    m_titleLabel = new QLabel(this);
    named(m_titleLabel, "scriptTitleLabel", tr("Script name"));
    m_titleLabel->setWordWrap(true);
    m_titleLabel->setTextFormat(Qt::PlainText);

    const auto button = [&](const QString &text, const char *name, const QString &accessible, const QString &tip) {
        auto *b = new QPushButton(text, this);
        named(b, name, accessible);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        return b;
    };
    m_openButton = button(tr("Open…"), "scriptOpenButton", tr("Open a script file"),
                          tr("Open a script file (the format sockplay-cli run reads)"));
    m_saveButton = button(tr("Save as…"), "scriptSaveButton", tr("Save the script as a file"),
                          tr("Write the script, with the variables as set here, to a file"));
    m_runButton = button(tr("Run (Ctrl+R)"), "scriptRunButton", tr("Run the script"),
                         tr("Play the steps against this window's session (Ctrl+R); Ctrl+. stops"));
    m_recordButton = button(tr("Record"), "scriptRecordButton", tr("Record a script"),
                            tr("Record what you do in the panes; Stop recording turns it into a script"));

    m_variablesTable = new ScriptVariablesTable(this);
    named(m_variablesTable, "scriptVariablesTable", tr("Script variables"));
    m_variablesTable->setAccessibleDescription(tr("Name and value of each variable; type to change a value."));

    m_followLabel = new QLabel(this);
    named(m_followLabel, "scriptFollowLabel", tr("Variables following the server"));
    m_followLabel->setWordWrap(true);

    m_steps = new ScriptStepsModel(this);
    m_stepsView = new QListView(this);
    named(m_stepsView, "scriptStepsView", tr("Script steps"));
    m_stepsView->setAccessibleDescription(tr("Each step with its status: Pending, Running, Passed, Failed or Skipped."));
    m_stepsView->setModel(m_steps);
    m_stepsView->setUniformItemSizes(false); // a failed step has a second line
    m_stepsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Cut on the right: the mark, number and status word stay in view; the
    // whole line is the tool tip, a failure's message is also the detail line.
    m_stepsView->setTextElideMode(Qt::ElideRight);
    m_stepsView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int icon = m_stepsView->fontMetrics().height();
    m_stepsView->setIconSize(QSize(icon, icon));

    m_detailLabel = new QLabel(this);
    named(m_detailLabel, "scriptDetailLabel", tr("Step detail"));
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextFormat(Qt::PlainText);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryLabel = new QLabel(this);
    named(m_summaryLabel, "scriptSummaryLabel", tr("Run summary"));
    m_summaryLabel->setWordWrap(true);
    QFont bold; // only the weight: the size follows the zoom
    bold.setBold(true);
    m_summaryLabel->setFont(bold);
    m_notesLabel = new QLabel(this);
    named(m_notesLabel, "scriptNotesLabel", tr("Recording notes"));
    m_notesLabel->setWordWrap(true);
    m_notesLabel->setTextFormat(Qt::PlainText);
    m_errorLabel = new ErrorLabel(this);
    named(m_errorLabel, "scriptErrorLabel", tr("Script error"));

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_openButton, 0, 0);
    buttons->addWidget(m_saveButton, 0, 1);
    buttons->addWidget(m_runButton, 1, 0);
    buttons->addWidget(m_recordButton, 1, 1);
    auto *variablesLabel = new QLabel(tr("&Variables"), this);
    variablesLabel->setBuddy(m_variablesTable);
    auto *stepsLabel = new QLabel(tr("Ste&ps"), this);
    stepsLabel->setBuddy(m_stepsView);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);
    layout->addWidget(variablesLabel);
    layout->addWidget(m_variablesTable);
    layout->addWidget(m_followLabel);
    layout->addWidget(stepsLabel);
    layout->addWidget(m_stepsView, 1);
    layout->addWidget(m_detailLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_notesLabel);

    // Ctrl+R and Ctrl+. anywhere in the application (the panel may float in
    // a window of its own), while the panel is shown. (F5 is left for the
    // classroom's presenter mode.)
    m_runAction = new QAction(tr("Run script"), this);
    m_runAction->setObjectName(QStringLiteral("scriptRunAction"));
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stopAction = new QAction(tr("Stop script"), this);
    m_stopAction->setObjectName(QStringLiteral("scriptStopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    for (QAction *action : {m_runAction, m_stopAction}) {
        action->setShortcutContext(Qt::ApplicationShortcut);
        addAction(action);
    }

    connect(m_openButton, &QPushButton::clicked, this, &ScriptPanel::chooseOpenFile);
    connect(m_saveButton, &QPushButton::clicked, this, &ScriptPanel::chooseSaveFile);
    connect(m_runButton, &QPushButton::clicked, this, [this] { isRunning() ? stop() : run(); });
    connect(m_recordButton, &QPushButton::clicked, this, &ScriptPanel::toggleRecording);
    connect(m_runAction, &QAction::triggered, this, [this] {
        if (isVisible())
            run();
    });
    connect(m_stopAction, &QAction::triggered, this, [this] {
        if (isVisible())
            stop();
    });
    connect(m_variablesTable, &ScriptVariablesTable::followTextChanged, this, [this](const QString &text) {
        m_followLabel->setText(text);
        m_followLabel->setVisible(!text.isEmpty());
    });
    m_followLabel->setVisible(false);
    connect(m_stepsView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ScriptPanel::showDetail);

    setScript(Script{});
}

ScriptPanel::~ScriptPanel() = default;

QSize ScriptPanel::sizeHint() const
{
    const QSize hint = QWidget::sizeHint();
    return {qMax(hint.width(), fontMetrics().averageCharWidth() * 56), hint.height()};
}

void ScriptPanel::setScript(const Script &script, const QString &path, const QStringList &notes)
{
    m_script = script;
    m_path = path;
    m_steps->setSteps(script.steps);
    m_errorLabel->clearError();
    m_variablesTable->setDefaults(script.variables);
    if (script.steps.isEmpty() && script.name.isEmpty())
        m_titleLabel->setText(tr("No script yet: open one, or record what you do in the panes."));
    else if (path.isEmpty())
        m_titleLabel->setText(tr("Script: %1 (not saved)").arg(script.name));
    else
        m_titleLabel->setText(tr("Script: %1 — %2").arg(script.name, QFileInfo(path).fileName()));
    m_titleLabel->setToolTip(QDir::toNativeSeparators(path));
    m_summaryLabel->setText(script.steps.isEmpty() ? QString() : tr("%n step(s), not run yet.", nullptr, int(script.steps.size())));
    m_notesLabel->setText(notes.isEmpty() ? QString()
                                          : tr("Left out while recording:") + QStringLiteral("\n• ")
                                                + notes.join(QStringLiteral("\n• ")));
    m_notesLabel->setVisible(!notes.isEmpty());
    showDetail();
    updateControls();
}

Script ScriptPanel::script() const
{
    Script script = m_script;
    script.variables = m_variablesTable->editedDefaults();
    return script;
}

bool ScriptPanel::openFile(const QString &path)
{
    QString error;
    std::optional<Script> script;
    if (const std::optional<QJsonObject> file = Script::readJsonFile(path, &error)) {
        script = file->value(QLatin1String("format")).toString() == QLatin1String("sockplay-session")
            ? readSessionScript(path, &error)
            : Script::readFile(path, &error);
    }
    if (!script) {
        m_errorLabel->showError(error);
        return false;
    }
    setScript(*script, path);
    return true;
}

bool ScriptPanel::saveFile(const QString &path)
{
    const Script current = script();
    if (const Result result = current.writeFile(path); !result) {
        m_errorLabel->showError(result.error);
        return false;
    }
    setScript(current, path);
    return true;
}

void ScriptPanel::chooseOpenFile()
{
    QFileDialog dialog(this, tr("Open a script"), m_lastDirectory, fileFilter());
    dialog.setObjectName(QStringLiteral("scriptFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    m_lastDirectory = QFileInfo(path).absolutePath();
    openFile(path);
}

void ScriptPanel::chooseSaveFile()
{
    QFileDialog dialog(this, tr("Save the script"), m_lastDirectory, fileFilter());
    dialog.setObjectName(QStringLiteral("scriptFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    dialog.selectFile(m_path.isEmpty() ? m_script.name + QStringLiteral(".json") : QFileInfo(m_path).fileName());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    m_lastDirectory = QFileInfo(path).absolutePath();
    saveFile(path);
}

bool ScriptPanel::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void ScriptPanel::run()
{
    if (isRunning() || isRecording() || m_script.steps.isEmpty())
        return;
    m_errorLabel->clearError();
    m_steps->resetResults();
    // One runner per run: nothing of the last run (captures, endpoints) carries over.
    if (m_runner)
        m_runner->deleteLater();
    m_runner = new ScriptRunner(m_session, this);
    connect(m_runner, &ScriptRunner::stepStarted, this, &ScriptPanel::stepStarted);
    connect(m_runner, &ScriptRunner::stepFinished, this, &ScriptPanel::stepFinished);
    connect(m_runner, &ScriptRunner::finished, this, &ScriptPanel::finished);
    const ScriptVariablesTable::Variables variables = m_variablesTable->values();
    for (const auto &[name, value] : variables)
        m_runner->setVariable(name, value);
    // A session's script names the window's endpoints ("on": "server"): the
    // panes' endpoints are adopted by name, unless the script opens its own.
    QStringList opened;
    for (const ScriptStep &step : std::as_const(m_script.steps)) {
        if (step.kind == ScriptStep::Kind::Open)
            opened.append(step.endpoint);
    }
    const QList<int> ids = m_session->endpointIds();
    for (int id : ids) {
        const QString name = m_session->snapshot(id).name;
        if (!opened.contains(name))
            m_runner->adoptEndpoint(name, id);
    }
    m_summaryLabel->setText(tr("Running…"));
    m_runner->start(m_script);
    updateControls();
}

void ScriptPanel::stop()
{
    if (isRunning())
        m_runner->stop();
}

void ScriptPanel::stepStarted(int index)
{
    m_steps->setRunning(index);
    m_stepsView->scrollTo(m_steps->index(index));
    m_summaryLabel->setText(tr("Running step %1 of %2…").arg(index + 1).arg(m_steps->rowCount()));
}

void ScriptPanel::stepFinished(int index, const StepResult &result)
{
    m_steps->setResult(index, result);
    if (result.status == StepResult::Status::Failed)
        m_stepsView->setCurrentIndex(m_steps->index(index)); // its message shows in the detail line
}

void ScriptPanel::finished(const ScriptReport &report)
{
    for (int row = 0; row < report.results.size(); ++row)
        m_steps->setResult(row, report.results.at(row));
    const int passed = m_steps->count(StepResult::Status::Passed);
    const int failed = m_steps->count(StepResult::Status::Failed);
    const int skipped = m_steps->count(StepResult::Status::Skipped);
    QString text = tr("%1 passed").arg(passed);
    if (failed > 0)
        text += tr(", %1 failed").arg(failed);
    if (skipped > 0)
        text += tr(", %1 skipped").arg(skipped);
    text = tr("%1 %2 in %3 s")
               .arg(report.passed() ? QStringLiteral("✓") : QStringLiteral("✗"), text,
                    QLocale().toString(report.elapsedMs / 1000.0, 'f', 2));
    m_summaryLabel->setText(text);
    m_summaryLabel->setAccessibleDescription(text);
    if (const int row = m_steps->firstFailed(); row >= 0)
        m_stepsView->setCurrentIndex(m_steps->index(row));
    showDetail();
    // The runner goes once it has returned from emitting this.
    if (m_runner)
        m_runner->deleteLater();
    m_runner = nullptr;
    updateControls();
    emit runFinished(report);
}

void ScriptPanel::toggleRecording()
{
    isRecording() ? stopRecording() : startRecording();
}

void ScriptPanel::startRecording()
{
    if (isRecording() || isRunning())
        return;
    m_recorder.begin(m_session->log()->nextSequence(), endpointSnapshots());
    m_errorLabel->clearError();
    m_summaryLabel->setText(tr("Recording: start, connect, send in the panes, then Stop recording."));
    updateControls();
}

void ScriptPanel::stopRecording()
{
    if (!isRecording())
        return;
    ScriptRecorder::Recording recording = m_recorder.finish(*m_session->log(), endpointSnapshots());
    setScript(recording.script, {}, recording.notes);
}

QList<EndpointSnapshot> ScriptPanel::endpointSnapshots() const
{
    QList<EndpointSnapshot> snapshots;
    const QList<int> ids = m_session->endpointIds();
    for (int id : ids)
        snapshots.append(m_session->snapshot(id));
    return snapshots;
}

void ScriptPanel::setServerTarget(const QString &host, quint16 port, bool listening)
{
    m_variablesTable->setServerTarget(host, port, listening);
}

void ScriptPanel::focusFirstControl()
{
    for (QPushButton *button : {m_runButton, m_openButton, m_recordButton}) {
        if (button->isEnabled()) {
            button->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

void ScriptPanel::showDetail()
{
    // The current step's message, else the first failure's.
    int row = m_stepsView->currentIndex().isValid() ? m_stepsView->currentIndex().row() : m_steps->firstFailed();
    if (row >= 0 && m_steps->result(row).message.isEmpty())
        row = m_steps->firstFailed();
    const StepResult result = m_steps->result(row);
    const QString text = row < 0 || result.message.isEmpty()
        ? QString()
        : tr("Step %1 %2: %3").arg(row + 1).arg(ScriptStepsModel::statusName(result.status).toLower(), result.message);
    m_detailLabel->setText(text);
    m_detailLabel->setVisible(!text.isEmpty());
}

void ScriptPanel::updateControls()
{
    const bool running = isRunning();
    const bool recording = isRecording();
    const bool hasSteps = !m_script.steps.isEmpty();
    m_openButton->setEnabled(!running && !recording);
    m_saveButton->setEnabled(!running && !recording && hasSteps);
    m_runButton->setEnabled(running || (!recording && hasSteps));
    m_runButton->setText(running ? tr("Stop (Ctrl+.)") : tr("Run (Ctrl+R)"));
    m_runButton->setAccessibleName(running ? tr("Stop the script") : tr("Run the script"));
    m_runAction->setEnabled(!running && !recording && hasSteps);
    m_stopAction->setEnabled(running);
    m_recordButton->setEnabled(!running);
    m_recordButton->setText(recording ? tr("Stop recording") : tr("Record"));
    m_recordButton->setAccessibleName(recording ? tr("Stop recording") : tr("Record a script"));
    m_variablesTable->setEnabled(!running);
}

} // namespace SockPlay
