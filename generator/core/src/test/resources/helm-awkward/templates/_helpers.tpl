{{- define "awkward.name" -}}{{ .Release.Name }}-{{ .Values.label }}{{- end -}}
a partial's own text is not printed
