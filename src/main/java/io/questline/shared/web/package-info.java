/**
 * The web edge: RFC 9457 problem responses, strict JSON, body limits, request ids and
 * paging.
 */
package io.questline.shared.web;
