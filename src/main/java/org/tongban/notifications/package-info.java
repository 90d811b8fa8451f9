/**
 * The message centre and the channels that reach people outside the platform (SMS, e-mail). Owns the
 * {@code notifications} schema. API: {@link org.tongban.notifications.NotificationManagement} and
 * {@link org.tongban.notifications.MessageView}; outside channels implement {@link org.tongban.notifications.MessageSender}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "audit"})
@org.jspecify.annotations.NullMarked
package org.tongban.notifications;
