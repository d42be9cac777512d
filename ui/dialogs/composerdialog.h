#pragma once

#include "domain/stakeholderupdate.h"
#include "store/change.h"

#include <QDialog>
#include <QTimer>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabBar;
class QTableView;

namespace sitrep {

class ChannelPreviewPane;
class OutboxModel;
class Services;

// The update composer (Ctrl+M): one tab per audience, each starting from its template filled
// from the live incident, edited freely, previewed as every channel of the audience will show
// it, and sent through the outbox. What is typed is saved as a draft while typing, so a crash
// loses nothing. In all-clear mode the tabs are the audiences still owed the all-clear.
class ComposerDialog final : public QDialog
{
    Q_OBJECT

public:
    // Asks why the all-clear is not sent; tests answer it without a modal dialog.
    using DismissPrompt = std::function<std::optional<QString>(QWidget *parent)>;

    ComposerDialog(Services &services, qint64 incidentId, UpdateKind kind, QWidget *parent = nullptr);
    ~ComposerDialog() override;
    Q_DISABLE_COPY_MOVE(ComposerDialog)

    qint64 incidentId() const { return m_incidentId; }
    UpdateKind kind() const { return m_kind; }
    void setUtc(bool utc);
    void setDismissPrompt(DismissPrompt prompt) { m_dismissPrompt = std::move(prompt); }

    QStringList audienceNames() const;
    QString currentAudience() const;
    // Shows the audience with this name (any case); false when there is none.
    bool selectAudience(const QString &name);
    // Sends the editor's text to the current audience; false (with the reason shown) if refused.
    bool sendCurrent();
    // All-clear mode: sends each remaining audience its own text. Returns how many went.
    int sendAll();
    // Writes the draft now if anything was typed since the last save.
    void flushDraft();

Q_SIGNALS:
    void channelsRequested();
    void updateSent(qint64 updateId);
    void allClearDismissed();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void loadAudiences();
    void switchTo(int index);
    void loadText(const QString &body, const QString &next);
    void resetToTemplate();
    void onTextEdited();
    void refreshHeader();
    void refreshPreview();
    void refreshButtons();
    void dismissAllClear();
    void resendSelected();
    void onChanges(const QList<sitrep::Change> &changes);
    void showFeedback(const QString &text, bool problem);
    // The next-update time typed in the field; nullopt inside when left to the rhythm.
    std::optional<std::optional<qint64>> typedNext(QString *problem) const;
    const Audience *current() const;

    Services &m_services;
    qint64 m_incidentId;
    UpdateKind m_kind;
    bool m_utc = false;
    bool m_loading = false;
    bool m_dirty = false;
    QList<Audience> m_audiences;
    int m_current = -1;
    DismissPrompt m_dismissPrompt;

    QLabel *m_headline;
    QLabel *m_drill;
    QLabel *m_cadence;
    QTabBar *m_tabs;
    QPlainTextEdit *m_body;
    QLineEdit *m_next;
    QLabel *m_draftState;
    ChannelPreviewPane *m_preview;
    QLabel *m_channels;
    OutboxModel *m_outbox;
    QTableView *m_outboxView;
    QLabel *m_feedback;
    QPushButton *m_reset;
    QPushButton *m_channelsButton;
    QPushButton *m_resend;
    QPushButton *m_dismiss;
    QPushButton *m_sendAll;
    QPushButton *m_send;
    QTimer m_draftTimer;
    QTimer m_previewTimer;
};

// Reads the composer's next-update field: empty (the rhythm decides), "30m" or "in 30m", or a
// time like "09:30". nullopt when it is none of these.
std::optional<std::optional<qint64>> parseNextUpdateText(const QString &text, qint64 nowMs);

} // namespace sitrep
