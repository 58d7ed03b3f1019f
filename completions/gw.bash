#!/bin/bash

__gw_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__gw_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__gw_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__gw_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_gw() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    serve|init|validate|health|status|metrics|gateway|pipelines|runs|approvals|triggers|schedules|sessions|debug|audit|chat|shell|help)
        # Offer subcommand argument completions
        "_gw_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'serve init validate health status metrics gateway pipelines runs approvals triggers schedules sessions debug audit chat shell help' -- "${cur}"))
        ;;
    esac
}

_gw_serve() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config --listen --pipelines --state --console-dir)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        return
        ;;
    '--listen')
        return
        ;;
    '--pipelines')
        return
        ;;
    '--state')
        return
        ;;
    '--console-dir')
        return
        ;;
    esac
}

_gw_init() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 1
}

_gw_validate() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config)
    __gw_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        return
        ;;
    esac
}

_gw_health() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_status() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_metrics() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_gateway() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    pause|resume|reload)
        # Offer subcommand argument completions
        "_gw_gateway_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'pause resume reload' -- "${cur}"))
        ;;
    esac
}

_gw_gateway_pause() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --reason)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_gw_gateway_resume() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --reason)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_gw_gateway_reload() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_pipelines() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|get|run|start)
        # Offer subcommand argument completions
        "_gw_pipelines_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list get run start' -- "${cur}"))
        ;;
    esac
}

_gw_pipelines_list() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_pipelines_get() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion pipelines get -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_pipelines_run() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=(--set)
    non_repeating_options=(--addr --token -o --output --input --wait --idempotency-key)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--input')
        return
        ;;
    '--set')
        return
        ;;
    '--wait')
        return
        ;;
    '--idempotency-key')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion pipelines run -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_pipelines_start() {
    repeating_flags=()
    non_repeating_flags=(--no-color --follow --version -h --help)
    repeating_options=(--set)
    non_repeating_options=(--addr --token -o --output --input --idempotency-key)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--input')
        return
        ;;
    '--set')
        return
        ;;
    '--idempotency-key')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion pipelines start -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|get|events|watch|cancel|resume|retry|explain|approve|deny)
        # Offer subcommand argument completions
        "_gw_runs_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list get events watch cancel resume retry explain approve deny' -- "${cur}"))
        ;;
    esac
}

_gw_runs_list() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --pipeline --status --limit --cursor)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--pipeline')
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs list -- --pipeline "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    '--status')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    esac
}

_gw_runs_get() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs get -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_events() {
    repeating_flags=()
    non_repeating_flags=(--no-color --follow --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --since --limit)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--since')
        return
        ;;
    '--limit')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs events -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_watch() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs watch -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_cancel() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs cancel -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_resume() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --step --output --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--step')
        return
        ;;
    '--output')
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs resume -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_retry() {
    repeating_flags=()
    non_repeating_flags=(--no-color --current --follow --version -h --help)
    repeating_options=(--set)
    non_repeating_options=(--addr --token -o --output --from --input --reason --idempotency-key)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--from')
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs retry -- --from "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    '--input')
        return
        ;;
    '--set')
        return
        ;;
    '--reason')
        return
        ;;
    '--idempotency-key')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs retry -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_explain() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs explain -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_approve() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --step --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--step')
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs approve -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_runs_deny() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --step --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--step')
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion runs deny -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_approvals() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|approve|deny)
        # Offer subcommand argument completions
        "_gw_approvals_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list approve deny' -- "${cur}"))
        ;;
    esac
}

_gw_approvals_list() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_approvals_approve() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --step --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--step')
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion approvals approve -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_approvals_deny() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --step --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--step')
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion approvals deny -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_triggers() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|fire)
        # Offer subcommand argument completions
        "_gw_triggers_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list fire' -- "${cur}"))
        ;;
    esac
}

_gw_triggers_list() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_triggers_fire() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=(--set)
    non_repeating_options=(--addr --token -o --output --input --idempotency-key)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--input')
        return
        ;;
    '--set')
        return
        ;;
    '--idempotency-key')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion triggers fire -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_schedules() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|get|add|rm|pause|resume|preview)
        # Offer subcommand argument completions
        "_gw_schedules_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list get add rm pause resume preview' -- "${cur}"))
        ;;
    esac
}

_gw_schedules_list() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_schedules_get() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion schedules get -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_schedules_add() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=(--set)
    non_repeating_options=(--addr --token -o --output --cron --every --at --tz --overlap --catchup --jitter --id --input)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--cron')
        return
        ;;
    '--every')
        return
        ;;
    '--at')
        return
        ;;
    '--tz')
        return
        ;;
    '--overlap')
        __gw_add_completions -W 'skip'$'\n''queue'$'\n''cancel'$'\n''allow'
        return
        ;;
    '--catchup')
        __gw_add_completions -W 'none'$'\n''latest'$'\n''all'
        return
        ;;
    '--jitter')
        return
        ;;
    '--id')
        return
        ;;
    '--input')
        return
        ;;
    '--set')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion schedules add -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_schedules_rm() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion schedules rm -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_schedules_pause() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion schedules pause -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_schedules_resume() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion schedules resume -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_schedules_preview() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --count)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--count')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion schedules preview -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_sessions() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|get|resume|prune|rm)
        # Offer subcommand argument completions
        "_gw_sessions_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list get resume prune rm' -- "${cur}"))
        ;;
    esac
}

_gw_sessions_list() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_sessions_get() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion sessions get -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_sessions_resume() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion sessions resume -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_sessions_prune() {
    repeating_flags=()
    non_repeating_flags=(--no-color --expired --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --older-than)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--older-than')
        return
        ;;
    esac
}

_gw_sessions_rm() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion sessions rm -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_debug() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    breakpoints|add|rm|runs|release)
        # Offer subcommand argument completions
        "_gw_debug_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'breakpoints add rm runs release' -- "${cur}"))
        ;;
    esac
}

_gw_debug_breakpoints() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_debug_add() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --pipeline --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--pipeline')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_gw_debug_rm() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --pipeline --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--pipeline')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_gw_debug_runs() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_debug_release() {
    repeating_flags=()
    non_repeating_flags=(--no-color --step --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --reason)
    __gw_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion debug release -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_audit() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|verify)
        # Offer subcommand argument completions
        "_gw_audit_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list verify' -- "${cur}"))
        ;;
    esac
}

_gw_audit_list() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output --run-id --actor --action --since --until --limit --cursor)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    '--run-id')
        return
        ;;
    '--actor')
        return
        ;;
    '--action')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    esac
}

_gw_audit_verify() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_chat() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __gw_add_completions -W "$(__gw_custom_complete ---completion chat -- positional@0 "${COMP_CWORD}" "$(__gw_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_gw_shell() {
    repeating_flags=()
    non_repeating_flags=(--no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --token -o --output)
    __gw_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--token')
        return
        ;;
    '-o'|'--output')
        __gw_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_gw_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __gw_offer_flags_options -1
}

complete -o filenames -F _gw gw
