#include "demopanel.h"

#include "democounterstable.h"
#include "errorlabel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

QPushButton *makeButton(const QString &text, const QString &objectName, const QString &accessibleName,
                        const QString &toolTip, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    button->setAutoDefault(false);
    return button;
}

} // namespace

DemoPanel::DemoPanel(DemoRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
{
    setObjectName(QStringLiteral("demoPanel"));
    setAccessibleName(tr("Demo"));

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("demoScrollArea"));
    m_scroll->setAccessibleName(tr("Demo"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    // Text wraps to the dock's width: never a sideways scroll bar.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(m_scroll);
    content->setObjectName(QStringLiteral("demoContent"));

    // Larger and bold relative to the panel's font, so that it follows the
    // zoom and presenter mode (as the panes' titles do).
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("demoTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("demoSummary"));
    m_summary->setWordWrap(true);

    m_steps = new QListWidget(content);
    m_steps->setObjectName(QStringLiteral("demoSteps"));
    m_steps->setAccessibleName(tr("Demo steps"));
    m_steps->setWordWrap(true);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_steps->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    auto *stepsLabel = new QLabel(tr("Steps"), content);
    stepsLabel->setBuddy(m_steps);

    m_narration = new QLabel(content);
    m_narration->setObjectName(QStringLiteral("demoNarration"));
    m_narration->setWordWrap(true);
    m_narration->setTextFormat(Qt::PlainText);
    m_narration->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_narration->setFrameShape(QFrame::StyledPanel);
    m_narration->setMargin(fontMetrics().averageCharWidth());
    m_narration->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("demoStatus"));
    m_status->setWordWrap(true);
    m_error = new ErrorLabel(content);
    m_error->setObjectName(QStringLiteral("demoError"));
    m_error->setAccessibleName(tr("Demo error"));

    m_nextButton = makeButton(tr("Next"), QStringLiteral("demoNextButton"), tr("Next step"),
                              tr("Run the next step (Ctrl+Right)"), content);
    m_runAllButton = makeButton(tr("Run all"), QStringLiteral("demoRunAllButton"), tr("Run all steps"),
                                tr("Run every remaining step, one after the other"), content);
    m_stopButton = makeButton(tr("Stop"), QStringLiteral("demoStopButton"), tr("Stop the demo"),
                              tr("Stop every endpoint the demo started; they stay in sight"), content);
    m_resetButton = makeButton(tr("Reset"), QStringLiteral("demoResetButton"), tr("Reset the demo"),
                               tr("Remove the demo's endpoints and go back to before step 1"), content);

    // One action for the button and the shortcut, so that Ctrl+Right does
    // what Next does, and only when Next can.
    m_nextAction = new QAction(tr("Next demo step"), this);
    m_nextAction->setObjectName(QStringLiteral("demoNextAction"));
    m_nextAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    m_nextAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_nextAction, &QAction::triggered, m_runner, &DemoRunner::next);
    connect(m_nextButton, &QPushButton::clicked, m_nextAction, &QAction::trigger);
    connect(m_runAllButton, &QPushButton::clicked, m_runner, &DemoRunner::runAll);
    connect(m_stopButton, &QPushButton::clicked, m_runner, &DemoRunner::stop);
    connect(m_resetButton, &QPushButton::clicked, m_runner, &DemoRunner::reset);

    m_countersTitle = new QLabel(tr("Counters"), content);
    m_countersTitle->setObjectName(QStringLiteral("demoCountersTitle"));
    QFont bold; // only the weight: the size follows the zoom
    bold.setBold(true);
    m_countersTitle->setFont(bold);
    m_counters = new DemoCountersTable(content);
    m_countersTitle->setBuddy(m_counters);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_nextButton, m_runAllButton, m_stopButton, m_resetButton})
        buttons->addWidget(button);
    buttons->addStretch(1);

    auto *column = new QVBoxLayout(content);
    column->addWidget(m_title);
    column->addWidget(m_summary);
    column->addWidget(stepsLabel);
    column->addWidget(m_steps);
    column->addWidget(m_narration);
    column->addWidget(m_status);
    column->addWidget(m_error);
    column->addLayout(buttons);
    column->addWidget(m_countersTitle);
    column->addWidget(m_counters);
    column->addStretch(1);
    m_scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    connect(m_steps, &QListWidget::currentRowChanged, this, &DemoPanel::updateNarration);
    connect(m_runner, &DemoRunner::stateChanged, this, &DemoPanel::stateChanged);
    connect(m_runner, &DemoRunner::stepStarted, this, &DemoPanel::stepStarted);
    connect(m_runner, &DemoRunner::stepFinished, this, &DemoPanel::stepFinished);
    connect(m_runner, &DemoRunner::narrationChanged, this, &DemoPanel::narrationChanged);
    connect(m_runner, &DemoRunner::countersChanged, this, &DemoPanel::updateCounters);
    connect(m_runner, &DemoRunner::failed, this, &DemoPanel::failed);

    scaleFonts();
    showDemo();
}

DemoPanel::~DemoPanel() = default;

QSize DemoPanel::sizeHint() const
{
    // About 40 characters a line: the narration reads as a short paragraph
    // and leaves the panes most of the window.
    const QSize hint = QWidget::sizeHint();
    return {fontMetrics().averageCharWidth() * 40 + m_scroll->verticalScrollBar()->sizeHint().width(), hint.height()};
}

QSize DemoPanel::minimumSizeHint() const
{
    // Never narrower than its widest row (the buttons): the scroll area
    // scrolls down, never sideways, so the dock keeps what the content needs.
    const int content = m_scroll->widget()->minimumSizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width()
        + 2 * m_scroll->frameWidth();
    return {content, QWidget::minimumSizeHint().height()};
}

void DemoPanel::showDemo()
{
    m_shownDemo = m_runner->demoId();
    m_finishedStep = -1;
    m_failedStep = -1;
    m_failure.clear();
    const std::optional<DemoInfo> info = DemoRunner::find(m_shownDemo);
    const QString title = info ? info->title : tr("No demo loaded");
    m_title->setText(QStringLiteral("<span style=\"font-size:x-large; font-weight:700\">%1</span>")
                         .arg(title.toHtmlEscaped()));
    m_title->setAccessibleName(tr("Demo: %1").arg(title));
    m_summary->setText(info ? info->summary : tr("Choose a demo in the Demos menu."));
    m_summary->setAccessibleName(m_summary->text());

    m_steps->clear();
    for (int i = 0; i < m_runner->stepCount(); ++i)
        m_steps->addItem(new QListWidgetItem(m_steps));
    m_steps->setVisible(info.has_value());
    m_counters->setCounters({});
    updateSteps();
    updateNarration();
    updateStatus();
    updateButtons();
    updateCounters();
}

void DemoPanel::focusFirstControl()
{
    for (QPushButton *button : {m_nextButton, m_runAllButton, m_stopButton, m_resetButton}) {
        if (button->isEnabled()) {
            button->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_steps->setFocus(Qt::OtherFocusReason);
}

void DemoPanel::showCounters()
{
    updateCounters();
    if (m_counters->isVisibleTo(this))
        m_scroll->ensureWidgetVisible(m_counters);
}

void DemoPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        scaleFonts();
}

void DemoPanel::scaleFonts()
{
    // Relative to the panel's text, which follows the window's zoom and
    // presenter mode: the narration and the digits are read from afar.
    QFont narration = font();
    if (font().pointSizeF() > 0)
        narration.setPointSizeF(font().pointSizeF() * NarrationScale);
    else
        narration.setPixelSize(qRound(font().pixelSize() * NarrationScale));
    m_narration->setFont(narration);
    m_counters->setBaseFont(font());
}

void DemoPanel::stateChanged()
{
    if (m_runner->demoId() != m_shownDemo) {
        showDemo();
        return;
    }
    switch (m_runner->state()) {
    case DemoRunner::State::Idle:
        // Reset: back before step 1.
        m_finishedStep = -1;
        m_failedStep = -1;
        m_failure.clear();
        m_steps->setCurrentRow(-1);
        break;
    case DemoRunner::State::Failed:
        m_failedStep = m_runner->currentStep();
        break;
    default:
        break;
    }
    updateSteps();
    updateNarration();
    updateStatus();
    updateButtons();
    updateCounters();
}

void DemoPanel::stepStarted(int index)
{
    m_failure.clear();
    m_failedStep = -1;
    updateSteps();
    // The step under way is the one to read about.
    m_steps->setCurrentRow(index);
    if (QListWidgetItem *item = m_steps->item(index))
        m_steps->scrollToItem(item);
    updateNarration();
    // In a short dock the panel scrolls: what the step says comes into sight.
    m_scroll->ensureWidgetVisible(m_narration);
    updateStatus();
    updateButtons();
}

void DemoPanel::stepFinished(int index)
{
    m_finishedStep = qMax(m_finishedStep, index);
    updateSteps();
    updateStatus();
}

void DemoPanel::narrationChanged(int index)
{
    if (index == m_steps->currentRow())
        updateNarration();
}

void DemoPanel::failed(const QString &reason)
{
    m_failure = reason;
    m_failedStep = m_runner->currentStep();
    updateSteps();
    updateStatus();
    updateButtons();
}

DemoPanel::StepState DemoPanel::stepState(int index) const
{
    const int current = m_runner->currentStep();
    const DemoRunner::State state = m_runner->state();
    if (index == m_failedStep)
        return StepState::Failed;
    if (index <= m_finishedStep)
        return StepState::Done;
    if (index == current && state == DemoRunner::State::Running)
        return StepState::Running;
    if (index == current && state == DemoRunner::State::Stopped)
        return StepState::Stopped;
    if (index == current + 1 && (state == DemoRunner::State::Idle || state == DemoRunner::State::Paused))
        return StepState::Next;
    return StepState::ToCome;
}

void DemoPanel::updateSteps()
{
    const int count = m_steps->count();
    for (int i = 0; i < count; ++i) {
        // A mark for the eye, the word for screen readers (and the tooltip).
        QString mark = QStringLiteral("\u2003"); // an em space: the titles stay aligned
        QString word;
        switch (stepState(i)) {
        case StepState::Done:
            mark = QStringLiteral("\u2713");
            word = tr("done");
            break;
        case StepState::Running:
            mark = QStringLiteral("\u25B6");
            word = tr("running now");
            break;
        case StepState::Failed:
            mark = QStringLiteral("\u2717");
            word = tr("failed");
            break;
        case StepState::Stopped:
            mark = QStringLiteral("\u25A0");
            word = tr("stopped");
            break;
        case StepState::Next:
            word = tr("next");
            break;
        case StepState::ToCome:
            word = tr("to come");
            break;
        }
        const QString title = m_runner->stepTitle(i);
        QListWidgetItem *item = m_steps->item(i);
        item->setText(QStringLiteral("%1 %2. %3").arg(mark).arg(i + 1).arg(title));
        const QString spoken = tr("Step %1 of %2, %3: %4").arg(i + 1).arg(count).arg(word, title);
        item->setData(Qt::AccessibleTextRole, spoken);
        item->setToolTip(spoken);
        item->setData(StepStateRole, int(stepState(i)));
    }
}

void DemoPanel::updateNarration()
{
    const int row = m_steps->currentRow();
    QString text;
    if (m_shownDemo.isEmpty())
        text = tr("Choose a demo in the Demos menu: it sets up its own servers and clients beside yours "
                  "and explains each step here.");
    else if (row < 0)
        text = tr("Press Next (%1) to run step 1, “%2”, or Run all to run every step.")
                   .arg(m_nextAction->shortcut().toString(QKeySequence::NativeText), m_runner->stepTitle(0));
    else
        text = m_runner->narration(row);
    m_narration->setText(text);
    m_narration->setAccessibleName(row < 0 ? tr("Narration: %1").arg(text)
                                           : tr("Narration of step %1: %2").arg(row + 1).arg(text));
}

void DemoPanel::updateStatus()
{
    const int count = m_runner->stepCount();
    const int step = m_runner->currentStep() + 1;
    const QString key = m_nextAction->shortcut().toString(QKeySequence::NativeText);
    QString text;
    if (m_shownDemo.isEmpty()) {
        text = tr("No demo loaded.");
    } else {
        switch (m_runner->state()) {
        case DemoRunner::State::Idle:
            text = tr("Ready. Steps: %1.").arg(count);
            break;
        case DemoRunner::State::Running:
            text = tr("Step %1 of %2 is running…").arg(step).arg(count);
            break;
        case DemoRunner::State::Paused:
            text = tr("Step %1 of %2 done. Next (%3) runs step %4.").arg(step).arg(count).arg(key).arg(step + 1);
            break;
        case DemoRunner::State::Finished:
            text = tr("Finished: every step done (%1 of %1). Reset removes the demo's endpoints.").arg(count);
            break;
        case DemoRunner::State::Stopped:
            text = tr("Stopped at step %1 of %2: the demo's endpoints are stopped and stay in sight. "
                      "Reset removes them.").arg(qMax(step, 1)).arg(count);
            break;
        case DemoRunner::State::Failed:
            text = tr("Step %1 of %2 failed.").arg(qMax(step, 1)).arg(count);
            break;
        }
    }
    m_status->setText(text);
    m_status->setAccessibleName(text);
    if (m_runner->state() == DemoRunner::State::Failed || !m_failure.isEmpty())
        m_error->showError(m_failure.isEmpty() ? tr("The step did not reach its effect.") : m_failure);
    else
        m_error->clearError();
}

void DemoPanel::updateButtons()
{
    const bool loaded = !m_shownDemo.isEmpty();
    const DemoRunner::State state = m_runner->state();
    const bool canRun = loaded && (state == DemoRunner::State::Idle || state == DemoRunner::State::Paused);
    // Next disabled under the keyboard (a step runs) hands the focus on, and
    // takes it back once it can act again: Space steps through the demo.
    QWidget *focus = focusWidget();
    if (!canRun && focus == m_nextButton)
        m_nextHadFocus = true;
    // Stop: while the demo's endpoints may be running; Reset: once a step
    // ran. Enabled first: a focus leaving Next lands on one of them.
    m_stopButton->setEnabled(loaded && state != DemoRunner::State::Idle && state != DemoRunner::State::Stopped);
    m_resetButton->setEnabled(loaded && state != DemoRunner::State::Idle);
    m_nextAction->setEnabled(canRun);
    m_nextButton->setEnabled(canRun);
    m_runAllButton->setEnabled(canRun);
    focus = focusWidget();
    if (canRun && m_nextHadFocus) {
        m_nextHadFocus = false;
        if (!focus || isAncestorOf(focus))
            m_nextButton->setFocus(Qt::OtherFocusReason);
    } else if (focus && !focus->isEnabled() && qobject_cast<QPushButton *>(focus)) {
        focusFirstControl();
    }
}

void DemoPanel::updateCounters()
{
    const QList<DemoCounter> counters = m_runner->counters();
    m_countersTitle->setVisible(!counters.isEmpty());
    m_counters->setVisible(!counters.isEmpty());
    m_counters->setCounters(counters);
}

} // namespace SockPlay
