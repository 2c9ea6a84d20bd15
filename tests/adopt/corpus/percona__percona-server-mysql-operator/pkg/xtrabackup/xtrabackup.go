package xtrabackup

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/pkg/errors"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/utils/ptr"
	"sigs.k8s.io/controller-runtime/pkg/client"

	apiv1 "github.com/percona/percona-server-mysql-operator/api/v1"
	"github.com/percona/percona-server-mysql-operator/pkg/k8s"
	"github.com/percona/percona-server-mysql-operator/pkg/naming"
	"github.com/percona/percona-server-mysql-operator/pkg/secret"
	"github.com/percona/percona-server-mysql-operator/pkg/util"
)

const (
	appName                  = "xtrabackup"
	componentShortName       = "xb"
	dataVolumeName           = "datadir"
	dataMountPath            = "/var/lib/mysql"
	credsVolumeName          = "users"
	credsMountPath           = "/etc/mysql/mysql-users-secret"
	tlsVolumeName            = "tls"
	tlsMountPath             = "/etc/mysql/mysql-tls-secret"
	backupVolumeName         = appName
	backupMountPath          = "/backup"
	vaultSecretVolumeName    = "vault-keyring-secret"
	vaultSecretMountPath     = "/etc/mysql/vault-keyring-secret"
	encryptionKeysVolumeName = "backup-encryption-keys"
	encryptionKeysMountPath  = "/etc/mysql/encryption-keys"
)

func Name(cr *apiv1.PerconaServerMySQLBackup) string {
	return componentShortName + "-" + cr.Name + "-" + cr.Spec.StorageName
}

func RestoreName(cr *apiv1.PerconaServerMySQLRestore) string {
	return componentShortName + "-restore-" + cr.Name
}

func DeleteName(cr *apiv1.PerconaServerMySQLBackup) string {
	return componentShortName + "-delete-" + cr.Name
}

func JobNamespacedName(cr *apiv1.PerconaServerMySQLBackup) types.NamespacedName {
	return types.NamespacedName{Name: JobName(cr), Namespace: cr.Namespace}
}

func JobName(cr *apiv1.PerconaServerMySQLBackup) string {
	return trimJobName(Name(cr))
}

func RestoreJobName(cluster *apiv1.PerconaServerMySQL, cr *apiv1.PerconaServerMySQLRestore) string {
	return trimJobName(RestoreName(cr))
}

func DeleteJobName(cr *apiv1.PerconaServerMySQLBackup) string {
	return trimJobName(DeleteName(cr))
}

// trimJobName trims the provided string to ensure it stays within the 63-character limit.
// The job name will be included in the "batch.kubernetes.io/job-name" label in the ".spec.template" section of the job.
// Labels have a maximum length of 63 characters, so this function ensures the job name fits within that limit.
// Also it ensures that
func trimJobName(name string) string {
	trimLeft := func(name string) string {
		for i := 0; i < len(name); i++ {
			if (name[i] < 'a' || name[i] > 'z') && (name[i] < '0' || name[i] > '9') {
				continue
			}
			return name[i:]
		}
		return ""
	}

	trimRight := func(name string) string {
		for i := len(name) - 1; i >= 0; i-- {
			if (name[i] < 'a' || name[i] > 'z') && (name[i] < '0' || name[i] > '9') {
				continue
			}
			return name[:i+1]
		}
		return ""
	}

	name = trimLeft(name)
	name = trimRight(name)
	if len(name) > validation.DNS1035LabelMaxLength {
		name = name[:validation.DNS1035LabelMaxLength]
		name = trimRight(name)
	}

	return name
}

func encryptionKeyFileName(cluster *apiv1.PerconaServerMySQL, cr *apiv1.PerconaServerMySQLBackup) string {
	for storageName, storage := range cluster.Spec.Backup.Storages {
		if storageName != cr.Spec.StorageName {
			continue
		}

		if storage != nil && storage.EncryptionKeySecret != nil {
			return naming.InternalEncryptionKeyFileName(cluster.GetName(), storageName)
		}

	}

	if cluster.Spec.Backup.EncryptionKeySecret != nil {
		return naming.InternalEncryptionKeyFileName(cluster.GetName(), "")
	}

	return ""
}

func Job(
	cluster *apiv1.PerconaServerMySQL,
	cr *apiv1.PerconaServerMySQLBackup,
	destination apiv1.BackupDestination, initImage string,
	storage *apiv1.BackupStorageSpec,
) (*batchv1.Job, error) {
	var one int32 = 1
	t := true

	labels := util.SSMapMerge(cluster.GlobalLabels(), storage.Labels, cr.Labels(appName, naming.ComponentBackup))
	backoffLimit := int32(6)
	if cluster.Spec.Backup.BackoffLimit != nil {
		backoffLimit = *cluster.Spec.Backup.BackoffLimit
	}
	xbContainer, err := xtrabackupContainer(cluster, cr, destination, storage)
	if err != nil {
		return nil, errors.Wrap(err, "xtrabackup container")
	}

	return &batchv1.Job{
		TypeMeta: metav1.TypeMeta{
			APIVersion: "batch/v1",
			Kind:       "Job",
		},
		ObjectMeta: metav1.ObjectMeta{
			Name:        JobName(cr),
			Namespace:   cluster.Namespace,
			Labels:      labels,
			Annotations: util.SSMapMerge(cluster.GlobalAnnotations(), storage.Annotations),
		},
		Spec: batchv1.JobSpec{
			Parallelism:  &one,
			Completions:  &one,
			BackoffLimit: &backoffLimit,
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{
					Labels:      labels,
					Annotations: cluster.GlobalAnnotations(),
				},
				Spec: corev1.PodSpec{
					RestartPolicy:         corev1.RestartPolicyNever,
					ShareProcessNamespace: &t,
					SetHostnameAsFQDN:     &t,
					InitContainers: []corev1.Container{
						k8s.InitContainer(
							cluster,
							appName,
							initImage,
							cluster.Spec.Backup.InitContainer,
							cluster.Spec.Backup.ImagePullPolicy,
							storage.ContainerSecurityContext,
							cluster.Spec.Backup.Resources,
							nil,
						),
					},
					Containers: []corev1.Container{
						xbContainer,
					},
					ImagePullSecrets:          cluster.Spec.Backup.ImagePullSecrets,
					SecurityContext:           storage.PodSecurityContext,
					Affinity:                  storage.Affinity,
					TopologySpreadConstraints: storage.TopologySpreadConstraints,
					Tolerations:               storage.Tolerations,
					NodeSelector:              storage.NodeSelector,
					SchedulerName:             storage.SchedulerName,
					PriorityClassName:         storage.PriorityClassName,
					RuntimeClassName:          storage.RuntimeClassName,
					DNSPolicy:                 corev1.DNSClusterFirst,
					Volumes: []corev1.Volume{
						{
							Name: apiv1.BinVolumeName,
							VolumeSource: corev1.VolumeSource{
								EmptyDir: &corev1.EmptyDirVolumeSource{},
							},
						},
						{
							Name: dataVolumeName,
							VolumeSource: corev1.VolumeSource{
								EmptyDir: &corev1.EmptyDirVolumeSource{},
							},
						},
						{
							Name: credsVolumeName,
							VolumeSource: corev1.VolumeSource{
								Secret: &corev1.SecretVolumeSource{
									SecretName: cluster.Spec.SecretsName,
								},
							},
						},
						{
							Name: tlsVolumeName,
							VolumeSource: corev1.VolumeSource{
								Secret: &corev1.SecretVolumeSource{
									SecretName: cluster.Spec.SSLSecretName,
								},
							},
						},
					},
				},
			},
		},
	}, nil
}

func xtrabackupContainer(cluster *apiv1.PerconaServerMySQL, cr *apiv1.PerconaServerMySQLBackup, destination apiv1.BackupDestination, storage *apiv1.BackupStorageSpec) (corev1.Container, error) {
	spec := cluster.Spec.Backup

	verifyTLS := true
	if storage.VerifyTLS != nil {
		verifyTLS = *storage.VerifyTLS
	}

	containerOptionsJSON, err := json.Marshal(cr.GetContainerOptions(storage))
	if err != nil {
		return corev1.Container{}, errors.Wrap(err, "marshal container options")
	}

	container := corev1.Container{
		Name:            appName,
		Image:           spec.Image,
		ImagePullPolicy: spec.ImagePullPolicy,
		Env: []corev1.EnvVar{
			{
				Name:  "BACKUP_NAME",
				Value: cr.Name,
			},
			{
				Name:  "BACKUP_DEST",
				Value: destination.PathWithoutBucket(),
			},
			{
				Name:  "VERIFY_TLS",
				Value: strconv.FormatBool(verifyTLS),
			},
			{
				Name:  "CONTAINER_OPTIONS",
				Value: string(containerOptionsJSON),
			},
		},
		VolumeMounts: []corev1.VolumeMount{
			{
				Name:      apiv1.BinVolumeName,
				MountPath: apiv1.BinVolumePath,
			},
			{
				Name:      dataVolumeName,
				MountPath: dataMountPath,
			},
			{
				Name:      tlsVolumeName,
				MountPath: tlsMountPath,
			},
		},
		Command:                  []string{"/opt/percona/run-backup.sh"},
		TerminationMessagePath:   "/dev/termination-log",
		TerminationMessagePolicy: corev1.TerminationMessageReadFile,
		SecurityContext:          storage.ContainerSecurityContext,
		Resources:                storage.Resources,
	}

	if cluster.CompareVersion("1.2.0") >= 0 {
		encryptionKeyFile := encryptionKeyFileName(cluster, cr)
		if encryptionKeyFile != "" {
			container.Env = append(container.Env, corev1.EnvVar{
				Name:  "ENCRYPTION_KEY_FILE",
				Value: path.Join(encryptionKeysMountPath, encryptionKeyFile),
			})
		}
	}

	return container, nil
}

type XBCloudAction string

const (
	XBCloudActionPut    XBCloudAction = "put"
	XBCloudActionDelete XBCloudAction = "delete"
	XBCloudActionGet    XBCloudAction = "get"
)

func xbcloudCloudOpts(conf *BackupConfig) []string {
	args := []string{}
	if !conf.VerifyTLS {
		args = append(args, "--insecure")
	}

	switch conf.Type {
	case apiv1.BackupStorageGCS:
		args = append(
			args,
			[]string{
				"--md5",
				"--storage=google",
				fmt.Sprintf("--google-bucket=%s", conf.GCS.Bucket),
				fmt.Sprintf("--google-access-key=%s", conf.GCS.AccessKey),
				fmt.Sprintf("--google-secret-key=%s", conf.GCS.SecretKey),
			}...,
		)
		if len(conf.GCS.EndpointURL) > 0 {
			args = append(args, fmt.Sprintf("--google-endpoint=%s", conf.GCS.EndpointURL))
		}
	case apiv1.BackupStorageS3:
		args = append(
			args,
			[]string{
				"--md5",
				"--storage=s3",
				fmt.Sprintf("--s3-bucket=%s", conf.S3.Bucket),
				fmt.Sprintf("--s3-region=%s", conf.S3.Region),
				fmt.Sprintf("--s3-access-key=%s", conf.S3.AccessKey),
				fmt.Sprintf("--s3-secret-key=%s", conf.S3.SecretKey),
			}...,
		)
		if len(conf.S3.EndpointURL) > 0 {
			args = append(args, fmt.Sprintf("--s3-endpoint=%s", conf.S3.EndpointURL))
		}
	case apiv1.BackupStorageAzure:
		args = append(
			args,
			[]string{
				"--storage=azure",
				fmt.Sprintf("--azure-storage-account=%s", conf.Azure.StorageAccount),
				fmt.Sprintf("--azure-container-name=%s", conf.Azure.ContainerName),
				fmt.Sprintf("--azure-access-key=%s", conf.Azure.AccessKey),
			}...,
		)
		if len(conf.Azure.EndpointURL) > 0 {
			args = append(args, fmt.Sprintf("--azure-endpoint=%s", conf.Azure.EndpointURL))
		}
	}
	return args
}

func (conf *BackupConfig) XbcloudPutArgs() []string {
	args := []string{string(XBCloudActionPut), "--parallel=10", "--curl-retriable-errors=7"}
	if conf.ContainerOptions != nil {
		args = append(args, conf.ContainerOptions.Args.Xbcloud...)
	}

	args = append(args, xbcloudCloudOpts(conf)...)
	args = append(args, conf.Destination)

	return args
}

func (conf *BackupConfig) XbcloudDeleteArgs() []string {
	args := []string{string(XBCloudActionDelete), "--parallel=10", "--curl-retriable-errors=7"}
	if conf.ContainerOptions != nil {
		args = append(args, conf.ContainerOptions.Args.Xbcloud...)
	}

	args = append(args, xbcloudCloudOpts(conf)...)
	args = append(args, conf.Destination)

	return args
}

func (conf *BackupConfig) XbcloudGetArgs(files ...string) []string {
	args := []string{string(XBCloudActionGet)}

	args = append(args, xbcloudCloudOpts(conf)...)
	args = append(args, conf.Destination)
	args = append(args, files...)
	return args
}

func deleteContainer(image string, conf *BackupConfig, cr *apiv1.PerconaServerMySQLBackup, storage *apiv1.BackupStorageSpec) corev1.Container {
	return corev1.Container{
		Name:            appName,
		Image:           image,
		ImagePullPolicy: corev1.PullNever,
		VolumeMounts: []corev1.VolumeMount{
			{
				Name:      apiv1.BinVolumeName,
				MountPath: apiv1.BinVolumePath,
			},
		},
		Env:                      cr.GetContainerOptions(storage).GetEnv(),
		Command:                  append([]string{"xbcloud"}, conf.XbcloudDeleteArgs()...),
		TerminationMessagePath:   "/dev/termination-log",
		TerminationMessagePolicy: corev1.TerminationMessageReadFile,
		SecurityContext:          storage.ContainerSecurityContext,
		Resources:                storage.Resources,
	}
}

type DestinationInfo struct {
	Base         string
	Incrementals []string
}

func RestoreJob(
	cluster *apiv1.PerconaServerMySQL,
	destination DestinationInfo,
	restore *apiv1.PerconaServerMySQLRestore,
	storage *apiv1.BackupStorageSpec,
	initImage string,
	pvcName string,
) *batchv1.Job {
	labels := util.SSMapMerge(cluster.GlobalLabels(), storage.Labels, restore.Labels(appName, naming.ComponentRestore))

	job := &batchv1.Job{
		TypeMeta: metav1.TypeMeta{
			APIVersion: "batch/v1",
			Kind:       "Job",
		},
		ObjectMeta: metav1.ObjectMeta{
			Name:        RestoreJobName(cluster, restore),
			Namespace:   cluster.Namespace,
			Labels:      labels,
			Annotations: util.SSMapMerge(cluster.GlobalAnnotations(), storage.Annotations),
		},
		Spec: batchv1.JobSpec{
			Parallelism: ptr.To(int32(1)),
			Completions: ptr.To(int32(1)),
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{
					Labels:      labels,
					Annotations: cluster.GlobalAnnotations(),
				},
				Spec: corev1.PodSpec{
					RestartPolicy:    corev1.RestartPolicyNever,
					ImagePullSecrets: cluster.Spec.Backup.ImagePullSecrets,
					InitContainers: []corev1.Container{
						k8s.InitContainer(cluster, appName, initImage,
							cluster.Spec.Backup.InitContainer,
							cluster.Spec.Backup.ImagePullPolicy,
							storage.ContainerSecurityContext,
							cluster.Spec.Backup.Resources,
							[]corev1.VolumeMount{
								{
									Name:      dataVolumeName,
									MountPath: dataMountPath,
								},
								{
									Name:      credsVolumeName,
									MountPath: credsMountPath,
								},
								{
									Name:      tlsVolumeName,
									MountPath: tlsMountPath,
								},
							}),
					},
					Containers: []corev1.Container{
						restoreContainer(cluster, restore, destination, storage),
					},
					Affinity:                  storage.Affinity,
					TopologySpreadConstraints: storage.TopologySpreadConstraints,
					Tolerations:               storage.Tolerations,
					NodeSelector:              storage.NodeSelector,
					SchedulerName:             storage.SchedulerName,
					PriorityClassName:         storage.PriorityClassName,
					RuntimeClassName:          storage.RuntimeClassName,
					DNSPolicy:                 corev1.DNSClusterFirst,
					SecurityContext:           storage.PodSecurityContext,
					Volumes: []corev1.Volume{
						{
							Name: apiv1.BinVolumeName,
							VolumeSource: corev1.VolumeSource{
								EmptyDir: &corev1.EmptyDirVolumeSource{},
							},
						},
						{
							Name: dataVolumeName,
							VolumeSource: corev1.VolumeSource{
								PersistentVolumeClaim: &corev1.PersistentVolumeClaimVolumeSource{
									ClaimName: pvcName,
								},
							},
						},
						{
							Name: credsVolumeName,
							VolumeSource: corev1.VolumeSource{
								Secret: &corev1.SecretVolumeSource{
									SecretName: cluster.Spec.SecretsName,
								},
							},
						},
						{
							Name: tlsVolumeName,
							VolumeSource: corev1.VolumeSource{
								Secret: &corev1.SecretVolumeSource{
									SecretName: cluster.Spec.SSLSecretName,
								},
							},
						},
					},
				},
			},
			BackoffLimit: cluster.Spec.Backup.BackoffLimit,
		},
	}

	if cluster.Spec.MySQL.VaultSecretName != "" {
		job.Spec.Template.Spec.Volumes = append(job.Spec.Template.Spec.Volumes, corev1.Volume{
			Name: vaultSecretVolumeName,
			VolumeSource: corev1.VolumeSource{
				Secret: &corev1.SecretVolumeSource{
					SecretName: cluster.Spec.MySQL.VaultSecretName,
					Optional:   ptr.To(true),
				},
			},
		})
	}

	if storage.EncryptionKeySecret != nil {
		job.Spec.Template.Spec.Volumes = append(job.Spec.Template.Spec.Volumes, corev1.Volume{
			Name: encryptionKeysVolumeName,
			VolumeSource: corev1.VolumeSource{
				Secret: &corev1.SecretVolumeSource{
					SecretName: storage.EncryptionKeySecret.Name,
					Items: []corev1.KeyToPath{
						{
							Key:  storage.EncryptionKeySecret.Key,
							Path: "encryption-key",
						},
					},
				},
			},
		})
	}

	return job
}

func GetDeleteJob(cluster *apiv1.PerconaServerMySQL, cr *apiv1.PerconaServerMySQLBackup, conf *BackupConfig) *batchv1.Job {
	var one int32 = 1
	t := true

	storage := cr.Status.Storage
	labels := util.SSMapMerge(cluster.GlobalLabels(), storage.Labels, cr.Labels(appName, naming.ComponentBackup))

	return &batchv1.Job{
		TypeMeta: metav1.TypeMeta{
			APIVersion: "batch/v1",
			Kind:       "Job",
		},
		ObjectMeta: metav1.ObjectMeta{
			Name:        DeleteJobName(cr),
			Namespace:   cr.Namespace,
			Labels:      labels,
			Annotations: util.SSMapMerge(cluster.GlobalAnnotations(), storage.Annotations),
		},
		Spec: batchv1.JobSpec{
			Parallelism: &one,
			Completions: &one,
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{
					Labels:      labels,
					Annotations: cluster.GlobalAnnotations(),
				},
				Spec: corev1.PodSpec{
					RestartPolicy:         corev1.RestartPolicyNever,
					ShareProcessNamespace: &t,
					SetHostnameAsFQDN:     &t,
					Containers: []corev1.Container{
						deleteContainer(cr.Status.Image, conf, cr, storage),
					},
					SecurityContext:           storage.PodSecurityContext,
					Affinity:                  storage.Affinity,
					TopologySpreadConstraints: storage.TopologySpreadConstraints,
					Tolerations:               storage.Tolerations,
					NodeSelector:              storage.NodeSelector,
					SchedulerName:             storage.SchedulerName,
					PriorityClassName:         storage.PriorityClassName,
					RuntimeClassName:          storage.RuntimeClassName,
					DNSPolicy:                 corev1.DNSClusterFirst,
					Volumes: []corev1.Volume{
						{
							Name: apiv1.BinVolumeName,
							VolumeSource: corev1.VolumeSource{
								EmptyDir: &corev1.EmptyDirVolumeSource{},
							},
						},
					},
				},
			},
		},
	}
}

func restoreContainer(
	cluster *apiv1.PerconaServerMySQL,
	restore *apiv1.PerconaServerMySQLRestore,
	destination DestinationInfo,
	storage *apiv1.BackupStorageSpec,
) corev1.Container {
	spec := cluster.Spec.Backup

	verifyTLS := true
	if storage.VerifyTLS != nil {
		verifyTLS = *storage.VerifyTLS
	}

	baseEnvs := []corev1.EnvVar{
		{
			Name:  "RESTORE_NAME",
			Value: restore.Name,
		},
		{
			Name:  "BACKUP_DEST",
			Value: destination.Base,
		},
		{
			Name:  "VERIFY_TLS",
			Value: strconv.FormatBool(verifyTLS),
		},
		{
			Name:  "KEYRING_VAULT_PATH",
			Value: fmt.Sprintf("%s/keyring_vault.cnf", vaultSecretMountPath),
		},
	}

	if len(destination.Incrementals) > 0 {
		baseEnvs = append(baseEnvs,
			corev1.EnvVar{
				Name:  "BACKUP_INCREMENTALS_DEST",
				Value: strings.Join(destination.Incrementals, ","),
			},
		)
	}

	encryptionAlgorithm := "AES256"
	if e := restore.GetContainerOptions(storage).GetArgs().GetXtrabackupFlagValue("--encrypt"); e != "" {
		encryptionAlgorithm = e
	}

	envs := util.MergeEnvLists(
		baseEnvs,
		restore.GetContainerOptions(storage).GetEnv(),
	)

	volumeMounts := []corev1.VolumeMount{
		{
			Name:      apiv1.BinVolumeName,
			MountPath: apiv1.BinVolumePath,
		},
		{
			Name:      dataVolumeName,
			MountPath: dataMountPath,
		},
		{
			Name:      tlsVolumeName,
			MountPath: tlsMountPath,
		},
	}
	if cluster.Spec.MySQL.VaultSecretName != "" {
		volumeMounts = append(volumeMounts, corev1.VolumeMount{
			Name:      vaultSecretVolumeName,
			MountPath: vaultSecretMountPath,
		})
	}

	if storage.EncryptionKeySecret != nil {
		volumeMounts = append(volumeMounts, corev1.VolumeMount{
			Name:      encryptionKeysVolumeName,
			MountPath: encryptionKeysMountPath,
		})
		envs = append(envs, corev1.EnvVar{
			Name:  "ENCRYPTION_ALGORITHM",
			Value: encryptionAlgorithm,
		})
	}

	return corev1.Container{
		Name:                     appName,
		Image:                    spec.Image,
		ImagePullPolicy:          spec.ImagePullPolicy,
		Env:                      envs,
		VolumeMounts:             volumeMounts,
		Command:                  []string{"/opt/percona/run-restore.sh"},
		TerminationMessagePath:   "/dev/termination-log",
		TerminationMessagePolicy: corev1.TerminationMessageReadFile,
		SecurityContext:          storage.ContainerSecurityContext,
		Resources:                storage.Resources,
	}
}

func PVC(cluster *apiv1.PerconaServerMySQL, cr *apiv1.PerconaServerMySQLBackup, storage *apiv1.BackupStorageSpec) *corev1.PersistentVolumeClaim {
	if len(storage.Volume.PersistentVolumeClaim.AccessModes) == 0 {
		storage.Volume.PersistentVolumeClaim.AccessModes = []corev1.PersistentVolumeAccessMode{
			corev1.ReadWriteOnce,
		}
	}

	return &corev1.PersistentVolumeClaim{
		TypeMeta: metav1.TypeMeta{
			APIVersion: "batch/v1",
			Kind:       "Job",
		},
		ObjectMeta: metav1.ObjectMeta{
			Name:      JobName(cr),
			Namespace: cluster.Namespace,
		},
		Spec: *storage.Volume.PersistentVolumeClaim,
	}
}

func SetStoragePVC(job *batchv1.Job, pvc *corev1.PersistentVolumeClaim) error {
	spec := &job.Spec.Template.Spec

	vol := corev1.Volume{Name: appName}
	vol.PersistentVolumeClaim = &corev1.PersistentVolumeClaimVolumeSource{ClaimName: pvc.Name}

	spec.Volumes = append(spec.Volumes, vol)

	for i := range spec.Containers {
		container := &spec.Containers[i]
		if container.Name == appName {
			container.VolumeMounts = append(
				container.VolumeMounts,
				corev1.VolumeMount{Name: backupVolumeName, MountPath: backupMountPath},
			)
			return nil
		}
	}

	return errors.Errorf("no container named %s in Job spec", appName)
}

func SetStorageS3(job *batchv1.Job, s3 *apiv1.BackupStorageS3Spec) error {
	spec := &job.Spec.Template.Spec

	bucket, _ := s3.BucketAndPrefix()

	env := []corev1.EnvVar{
		{
			Name:  "STORAGE_TYPE",
			Value: string(apiv1.BackupStorageS3),
		},
		{
			Name: "AWS_ACCESS_KEY_ID",
			ValueFrom: &corev1.EnvVarSource{
				SecretKeyRef: k8s.SecretKeySelector(s3.CredentialsSecret, secret.CredentialsAWSAccessKey),
			},
		},
		{
			Name: "AWS_SECRET_ACCESS_KEY",
			ValueFrom: &corev1.EnvVarSource{
				SecretKeyRef: k8s.SecretKeySelector(s3.CredentialsSecret, secret.CredentialsAWSSecretKey),
			},
		},
		{
			Name:  "AWS_DEFAULT_REGION",
			Value: s3.Region,
		},
		{
			Name:  "AWS_ENDPOINT",
			Value: s3.EndpointURL,
		},
		{
			Name:  "S3_BUCKET",
			Value: bucket,
		},
	}

	for i := range spec.Containers {
		container := &spec.Containers[i]

		if container.Name == appName {
			container.Env = append(container.Env, env...)
			return nil
		}
	}

	return errors.Errorf("no container named %s in Job spec", appName)
}

func SetStorageGCS(job *batchv1.Job, gcs *apiv1.BackupStorageGCSSpec) error {
	spec := &job.Spec.Template.Spec

	bucket, _ := gcs.BucketAndPrefix()

	env := []corev1.EnvVar{
		{
			Name:  "STORAGE_TYPE",
			Value: string(apiv1.BackupStorageGCS),
		},
		{
			Name: "ACCESS_KEY_ID",
			ValueFrom: &corev1.EnvVarSource{
				SecretKeyRef: k8s.SecretKeySelector(gcs.CredentialsSecret, secret.CredentialsGCSAccessKey),
			},
		},
		{
			Name: "SECRET_ACCESS_KEY",
			ValueFrom: &corev1.EnvVarSource{
				SecretKeyRef: k8s.SecretKeySelector(gcs.CredentialsSecret, secret.CredentialsGCSSecretKey),
			},
		},
		{
			Name:  "GCS_ENDPOINT",
			Value: gcs.EndpointURL,
		},
		{
			Name:  "GCS_BUCKET",
			Value: bucket,
		},
		{
			Name:  "GCS_STORAGE_CLASS",
			Value: gcs.StorageClass,
		},
	}

	for i := range spec.Containers {
		container := &spec.Containers[i]

		if container.Name == appName {
			container.Env = append(container.Env, env...)
			return nil
		}
	}

	return errors.Errorf("no container named %s in Job spec", appName)
}

func SetStorageAzure(job *batchv1.Job, azure *apiv1.BackupStorageAzureSpec) error {
	spec := &job.Spec.Template.Spec

	container, _ := azure.ContainerAndPrefix()

	env := []corev1.EnvVar{
		{
			Name:  "STORAGE_TYPE",
			Value: string(apiv1.BackupStorageAzure),
		},
		{
			Name:  "AZURE_CONTAINER_NAME",
			Value: container,
		},
		{
			Name: "AZURE_STORAGE_ACCOUNT",
			ValueFrom: &corev1.EnvVarSource{
				SecretKeyRef: k8s.SecretKeySelector(azure.CredentialsSecret, secret.CredentialsAzureStorageAccount),
			},
		},
		{
			Name: "AZURE_ACCESS_KEY",
			ValueFrom: &corev1.EnvVarSource{
				SecretKeyRef: k8s.SecretKeySelector(azure.CredentialsSecret, secret.CredentialsAzureAccessKey),
			},
		},
		{
			Name:  "AZURE_ENDPOINT",
			Value: azure.EndpointURL,
		},
		{
			Name:  "AZURE_STORAGE_CLASS",
			Value: azure.StorageClass,
		},
	}

	for i := range spec.Containers {
		container := &spec.Containers[i]

		if container.Name == appName {
			container.Env = append(container.Env, env...)
			return nil
		}
	}

	return errors.Errorf("no container named %s in Job spec", appName)
}

func SetIncrementalLsn(job *batchv1.Job, lsn string) error {
	spec := &job.Spec.Template.Spec

	for i := range spec.Containers {
		container := &spec.Containers[i]

		if container.Name == appName {
			container.Env = append(container.Env, corev1.EnvVar{Name: "INCREMENTAL_LSN", Value: lsn})
			return nil
		}
	}

	return errors.Errorf("no container named %s in Job spec", appName)
}

func SetSourceNode(job *batchv1.Job, src string) error {
	spec := &job.Spec.Template.Spec

	for i := range spec.Containers {
		container := &spec.Containers[i]

		if container.Name == appName {
			container.Env = append(container.Env, corev1.EnvVar{Name: "SRC_NODE", Value: src})
			return nil
		}
	}

	return errors.Errorf("no container named %s in Job spec", appName)
}

func SetEncryptionKeyFileVersion(job *batchv1.Job, ver string) error {
	spec := &job.Spec.Template.Spec

	for i := range spec.Containers {
		container := &spec.Containers[i]

		if container.Name == appName {
			container.Env = append(container.Env, corev1.EnvVar{Name: "ENCRYPTION_KEY_FILE_VERSION", Value: ver})
			return nil
		}
	}

	return errors.Errorf("no container named %s in Job spec", appName)
}

type BackupConfig struct {
	Destination          string                        `json:"destination"`
	Type                 apiv1.BackupStorageType       `json:"type"`
	VerifyTLS            bool                          `json:"verifyTLS,omitempty"`
	ContainerOptions     *apiv1.BackupContainerOptions `json:"containerOptions,omitempty"`
	S3                   BackupConfigS3                `json:"s3"`
	GCS                  BackupConfigGCS               `json:"gcs"`
	Azure                BackupConfigAzure             `json:"azure"`
	EncryptionKeyFile    string                        `json:"encryptionKeyFile,omitempty"`
	EncryptionKeyVersion string                        `json:"encryptionKeyVersion,omitempty"`

	// Specify for incremental backups
	IncrementalLsn string `json:"incrementalLsn,omitempty"`
}

type BackupConfigS3 struct {
	Bucket       string `json:"bucket"`
	Region       string `json:"region,omitempty"`
	EndpointURL  string `json:"endpointUrl,omitempty"`
	StorageClass string `json:"storageClass,omitempty"`
	AccessKey    string `json:"accessKey,omitempty"`
	SecretKey    string `json:"secretKey,omitempty"`
}

type BackupConfigGCS struct {
	Bucket       string `json:"bucket"`
	EndpointURL  string `json:"endpointUrl,omitempty"`
	StorageClass string `json:"storageClass,omitempty"`
	AccessKey    string `json:"accessKey,omitempty"`
	SecretKey    string `json:"secretKey,omitempty"`
}

type BackupConfigAzure struct {
	ContainerName  string `json:"containerName"`
	EndpointURL    string `json:"endpointUrl,omitempty"`
	StorageClass   string `json:"storageClass,omitempty"`
	StorageAccount string `json:"storageAccount,omitempty"`
	AccessKey      string `json:"accessKey,omitempty"`
}

func GetBackupConfig(ctx context.Context, cl client.Client, cr *apiv1.PerconaServerMySQLBackup) (*BackupConfig, error) {
	storage := cr.Status.Storage
	if storage == nil {
		return nil, errors.New("storage is not set")
	}
	verifyTLS := true
	if storage.VerifyTLS != nil {
		verifyTLS = *storage.VerifyTLS
	}
	destination := cr.Status.Destination

	conf := &BackupConfig{
		Destination:      destination.PathWithoutBucket(),
		VerifyTLS:        verifyTLS,
		ContainerOptions: cr.GetContainerOptions(storage),
	}
	s := new(corev1.Secret)
	nn := types.NamespacedName{
		Namespace: cr.Namespace,
	}
	switch storage.Type {
	case apiv1.BackupStorageS3:
		s3 := storage.S3
		if cl != nil {
			nn.Name = s3.CredentialsSecret
			if err := cl.Get(ctx, nn, s); err != nil {
				return nil, errors.Wrapf(err, "get secret/%s", nn.Name)
			}
			accessKey, ok := s.Data[secret.CredentialsAWSAccessKey]
			if !ok {
				return nil, errors.Errorf("no credentials for S3 in secret %s", nn.Name)
			}
			secretKey, ok := s.Data[secret.CredentialsAWSSecretKey]
			if !ok {
				return nil, errors.Errorf("no credentials for S3 in secret %s", nn.Name)
			}
			conf.S3.AccessKey = string(accessKey)
			conf.S3.SecretKey = string(secretKey)
		}
		bucket, _ := s3.BucketAndPrefix()
		conf.S3.Bucket = bucket
		conf.S3.Region = s3.Region
		conf.S3.EndpointURL = s3.EndpointURL
		conf.Type = apiv1.BackupStorageS3
	case apiv1.BackupStorageGCS:
		gcs := storage.GCS
		nn.Name = gcs.CredentialsSecret
		if cl != nil {
			if err := cl.Get(ctx, nn, s); err != nil {
				return nil, errors.Wrapf(err, "get secret/%s", nn.Name)
			}
			accessKey, ok := s.Data[secret.CredentialsGCSAccessKey]
			if !ok {
				return nil, errors.Errorf("no credentials for GCS in secret %s", nn.Name)
			}
			secretKey, ok := s.Data[secret.CredentialsGCSSecretKey]
			if !ok {
				return nil, errors.Errorf("no credentials for GCS in secret %s", nn.Name)
			}
			conf.GCS.AccessKey = string(accessKey)
			conf.GCS.SecretKey = string(secretKey)
		}
		bucket, _ := gcs.BucketAndPrefix()
		conf.GCS.Bucket = bucket
		conf.GCS.EndpointURL = gcs.EndpointURL
		conf.GCS.StorageClass = gcs.StorageClass
		conf.Type = apiv1.BackupStorageGCS
	case apiv1.BackupStorageAzure:
		azure := storage.Azure
		nn.Name = azure.CredentialsSecret
		if cl != nil {
			if err := cl.Get(ctx, nn, s); err != nil {
				return nil, errors.Wrapf(err, "get secret/%s", nn.Name)
			}
			storageAccount, ok := s.Data[secret.CredentialsAzureStorageAccount]
			if !ok {
				return nil, errors.Errorf("no credentials for Azure in secret %s", nn.Name)
			}
			accessKey, ok := s.Data[secret.CredentialsAzureAccessKey]
			if !ok {
				return nil, errors.Errorf("no credentials for Azure in secret %s", nn.Name)
			}
			conf.Azure.StorageAccount = string(storageAccount)
			conf.Azure.AccessKey = string(accessKey)
		}
		container, _ := azure.ContainerAndPrefix()
		conf.Azure.ContainerName = container
		conf.Azure.EndpointURL = azure.EndpointURL
		conf.Azure.StorageClass = azure.StorageClass
		conf.Type = apiv1.BackupStorageAzure
	default:
		return nil, errors.New("unknown backup storage type")
	}
	return conf, nil
}

func getIncrementalBackupName(cr *apiv1.PerconaServerMySQLBackup, clusterName, creationTimeStamp string) (string, error) {
	backupName := fmt.Sprintf("%s-%s-%s", clusterName, creationTimeStamp, "incr")
	annots := cr.GetAnnotations()
	baseBackupName, ok := annots[string(naming.AnnotationBaseBackupName)]
	if !ok {
		return "", errors.New("base backup name not known in annotations")
	}
	backupName = path.Join(baseBackupName+".incr/", backupName)
	return backupName, nil
}

// GetDestination returns the destination for the backup.
func GetDestination(
	storage *apiv1.BackupStorageSpec,
	cr *apiv1.PerconaServerMySQLBackup,
	ts time.Time,
) (apiv1.BackupDestination, error) {
	clusterName := cr.Spec.ClusterName
	tsSfx := ts.Format("2006-01-02-15:04:05")
	backupName := fmt.Sprintf("%s-%s-%s", clusterName, tsSfx, "full")

	if cr.Spec.Type == apiv1.BackupTypeIncremental {
		name, err := getIncrementalBackupName(cr, clusterName, tsSfx)
		if err != nil {
			return "", errors.Wrap(err, "get incremental backup name")
		}
		backupName = name
	}

	var d apiv1.BackupDestination
	switch storage.Type {
	case apiv1.BackupStorageS3:
		if storage.S3 == nil {
			return d, errors.Errorf("storage type is %s, but s3 configuration is not specified", storage.Type)
		}
		bucket, prefix := storage.S3.BucketAndPrefix()
		d.SetS3Destination(path.Join(bucket, prefix), backupName)
	case apiv1.BackupStorageGCS:
		if storage.GCS == nil {
			return d, errors.Errorf("storage type is %s, but gcs configuration is not specified", storage.Type)
		}
		bucket, prefix := storage.GCS.BucketAndPrefix()
		d.SetGCSDestination(path.Join(bucket, prefix), backupName)
	case apiv1.BackupStorageAzure:
		if storage.Azure == nil {
			return d, errors.Errorf("storage type is %s, but azure configuration is not specified", storage.Type)
		}
		container, prefix := storage.Azure.ContainerAndPrefix()
		d.SetAzureDestination(path.Join(container, prefix), backupName)
	default:
		return d, errors.Errorf("storage type %s is not supported", storage.Type)
	}

	return d, nil
}

type CheckpointInfo struct {
	BackupType string `json:"backup_type"`
	FromLSN    string `json:"from_lsn"`
	ToLSN      string `json:"to_lsn"`
	LastLSN    string `json:"last_lsn"`
	FlushedLSN string `json:"flushed_lsn"`
	RedoMemory string `json:"redo_memory"`
	RedoFrames string `json:"redo_frames"`
}

func (info *CheckpointInfo) ParseFrom(r io.Reader) error {
	scanner := bufio.NewScanner(r)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		parts := strings.SplitN(line, "=", 2)
		if len(parts) != 2 {
			continue
		}
		key := strings.TrimSpace(parts[0])
		value := strings.TrimSpace(parts[1])

		switch {
		case strings.Contains(key, "backup_type"):
			info.BackupType = value
		case strings.Contains(key, "from_lsn"):
			info.FromLSN = value
		case strings.Contains(key, "to_lsn"):
			info.ToLSN = value
		case strings.Contains(key, "last_lsn"):
			info.LastLSN = value
		case strings.Contains(key, "flushed_lsn"):
			info.FlushedLSN = value
		case strings.Contains(key, "redo_memory"):
			info.RedoMemory = value
		case strings.Contains(key, "redo_frames"):
			info.RedoFrames = value
		default:
			continue
		}
	}

	return scanner.Err()
}
