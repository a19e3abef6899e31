#pragma once

#include "demo.h"

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;

namespace SockPlay {

class DemoCountersTable;
class ErrorLabel;

/// The Demo dock's content: what the loaded demo is, its steps, what the
/// current one shows (in large text, for the back of a classroom), the
/// buttons that drive it and its counters. It reads the DemoRunner and
/// drives it through its slots; it owns neither the runner nor the stage.
///
/// - The title and one sentence on what the demo shows ("demoTitle").
/// - The steps ("demoSteps"): done ✓, running ▶, failed ✗, stopped ■, to
///   come unmarked; screen readers hear each state in words. Choosing a step
///   shows its narration; a step starting comes into view and is chosen.
/// - The narration ("demoNarration"): 1.3× the window's text, so larger
///   still in presenter mode; it wraps to the dock's width.
/// - The state ("demoStatus") and, when a step failed, the reason ("demoError").
/// - Next ("demoNextButton", Ctrl+Right anywhere in the window while a demo
///   is loaded, or Space on the focused button), Run all
///   ("demoRunAllButton"), Stop ("demoStopButton"), Reset ("demoResetButton").
/// - The counters ("demoCounters"): a row per label, a column per group
///   ("TCP", "UDP"), in large bold digits, updated as the runner counts;
///   hidden for a demo without counters.
///
/// Everything sits in a vertical scroll area: at any dock size it wraps,
/// never scrolls sideways.
class DemoPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoPanel)
public:
    explicit DemoPanel(DemoRunner *runner, QWidget *parent = nullptr);
    ~DemoPanel() override;

    /// Shows the runner's demo from the start (after DemoRunner::load()).
    void showDemo();
    /// Next, or (when Next cannot run) the first enabled button.
    void focusFirstControl();
    /// Scrolls the counters into view (a demo asked for them).
    void showCounters();

    /// Next, as an action: Ctrl+Right, for the window to hold (so that the
    /// shortcut works wherever the focus is) and for menus.
    QAction *nextAction() const { return m_nextAction; }

    /// The narration's size relative to the panel's text.
    static constexpr qreal NarrationScale = 1.3;

    /// What a step of "demoSteps" shows: its item's StepStateRole holds it
    /// (as an int), for tests and harnesses.
    enum class StepState : quint8 { Done, Running, Failed, Stopped, Next, ToCome };
    static constexpr int StepStateRole = Qt::UserRole + 1;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void stateChanged();
    void stepStarted(int index);
    void stepFinished(int index);
    void narrationChanged(int index);
    void failed(const QString &reason);
    void updateSteps();
    void updateNarration();
    void updateStatus();
    void updateButtons();
    void updateCounters();
    void scaleFonts();
    StepState stepState(int index) const;

    DemoRunner *m_runner = nullptr;
    QString m_shownDemo;      // the demo the widgets were built for
    int m_finishedStep = -1;  // the last step that finished (stepFinished)
    int m_failedStep = -1;    // the step that failed, while Failed
    QString m_failure;        // failed()'s reason, while Failed
    bool m_nextHadFocus = false; // Next lost the keyboard only because a step ran
    QScrollArea *m_scroll = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QListWidget *m_steps = nullptr;
    QLabel *m_narration = nullptr;
    QLabel *m_status = nullptr;
    ErrorLabel *m_error = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_runAllButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QAction *m_nextAction = nullptr;
    QLabel *m_countersTitle = nullptr;
    DemoCountersTable *m_counters = nullptr;
};

} // namespace SockPlay
