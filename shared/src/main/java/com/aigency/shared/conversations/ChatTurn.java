package com.aigency.shared.conversations;

import java.util.List;

/** What {@code POST /projects/{id}/messages} answers: the conversation and the turn's messages. */
public record ChatTurn(
    String conversationId, String conversationType, String conversationStatus, List<MessageView> messages, boolean briefSaved, String agentRunStatus) {}
