#pragma once

// A small HTTP/1.1 server on loopback that plays Slack, Mattermost and Teams in the tests: each
// path answers from its own script (status, body, headers, or no answer at all), and every
// request it received is kept for the test to read. Real sockets, real HTTP: the network
// classes under test are never mocked.

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace sitrep::test {

struct ScriptedAnswer
{
    int status = 200;
    QByteArray body = QByteArrayLiteral("ok");
    QByteArray contentType = QByteArrayLiteral("text/plain");
    QList<QPair<QByteArray, QByteArray>> headers;
    bool silent = false; // accept the request and never answer
};

inline ScriptedAnswer answer(int status, const QByteArray &body, const QByteArray &contentType = QByteArrayLiteral("text/plain"))
{
    ScriptedAnswer a;
    a.status = status;
    a.body = body;
    a.contentType = contentType;
    return a;
}

inline ScriptedAnswer silence()
{
    ScriptedAnswer a;
    a.silent = true;
    return a;
}

struct ReceivedRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

class ChatServer
{
public:
    ChatServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, &m_server, [this, socket] { read(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    Q_DISABLE_COPY_MOVE(ChatServer)

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path)); }

    // Answers for `path`, used in order; the last one repeats. Unscripted paths answer 200 "ok".
    void script(const QString &path, const QList<ScriptedAnswer> &answers) { m_scripts.insert(path.toUtf8(), answers); }

    QList<ReceivedRequest> requests;

    int count(const QString &path) const
    {
        int n = 0;
        for (const ReceivedRequest &r : requests)
            n += r.path == path.toUtf8() ? 1 : 0;
        return n;
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        requests.append(request);

        QList<ScriptedAnswer> &script = m_scripts[request.path];
        const ScriptedAnswer a = script.isEmpty() ? ScriptedAnswer() : script.constFirst();
        if (script.size() > 1)
            script.removeFirst();
        if (a.silent)
            return;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(a.status) + " Scripted\r\n";
        response += "Content-Type: " + a.contentType + "\r\n";
        response += "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n";
        for (const auto &[name, value] : a.headers)
            response += name + ": " + value + "\r\n";
        response += "Connection: close\r\n\r\n" + a.body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, QList<ScriptedAnswer>> m_scripts;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A loopback port nothing listens on: connecting is refused at once.
inline quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace sitrep::test
